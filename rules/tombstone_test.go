package rules

import (
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// after is steps moved d later.
func after(d time.Duration, steps []step) []step {
	out := make([]step, len(steps))
	for i, s := range steps {
		s.at += d
		out[i] = s
	}
	return out
}

// reusedLog records, by ID, whether each connection opened as Reused.
type reusedLog map[int]bool

func (l reusedLog) Segment(c *Conn, _ Dir, _ *tcp.Segment, isNew bool) {
	if isNew {
		l[c.ID] = c.Reused
	}
}
func (reusedLog) End(*Conn, EndReason) {}

func TestASYNOnARetiredFourTupleIsPortReuse(t *testing.T) {
	closedAt := fullClose[len(fullClose)-1].at
	tests := []struct {
		name   string
		first  []step
		syn    step
		reused bool
	}{
		{"a SYN 10 s after a full close reuses the retired 4-tuple",
			fullClose, step{at: closedAt + 10*time.Second, flags: tcp.SYN, seq: 9000}, true},
		{"a SYN 10 s after a RST reuses the retired 4-tuple",
			reset, step{at: closedAt + 10*time.Second, flags: tcp.SYN, seq: 9000}, true},
		{"a SYN 2 minutes after retirement finds the tombstone gone",
			fullClose, step{at: closedAt + fullyClosedLinger + tombstoneLife + time.Second, flags: tcp.SYN, seq: 9000}, false},
		{"a SYN 3 minutes after a close with a FIN unacknowledged still finds the tombstone",
			lastACKLost, step{at: 3 * time.Minute, flags: tcp.SYN, seq: 9000}, true},
		{"a late ACK on a retired 4-tuple is no reuse",
			fullClose, step{at: closedAt + 10*time.Second, flags: tcp.ACK, seq: 1002, ack: 5002}, false},
		{"a SYN-ACK with another ISN on a retired 4-tuple is reuse, its SYN not captured",
			fullClose, step{at: closedAt + 10*time.Second, fromServer: true, flags: tcp.SYN | tcp.ACK, seq: 9000, ack: 1}, true},
		{"the old SYN-ACK again on a retired 4-tuple is no reuse",
			fullClose, step{at: closedAt + 10*time.Second, fromServer: true, flags: tcp.SYN | tcp.ACK, seq: 5000, ack: 1001}, false},
		{"data far away 10 s after a full close reuses the retired 4-tuple",
			fullClose, step{at: closedAt + 10*time.Second, flags: tcp.ACK | tcp.PSH, seq: 3000001, ack: 9000001}, true},
		{"data far away 10 s after a RST reuses the retired 4-tuple",
			reset, step{at: closedAt + 10*time.Second, flags: tcp.ACK | tcp.PSH, seq: 3000001, ack: 9000001}, true},
		{"the client's data again 10 s after its RST is no reuse",
			reset, step{at: closedAt + 10*time.Second, flags: tcp.ACK | tcp.PSH, seq: 1001, ack: 5001}, false},
		{"data far away after a close with a FIN unacknowledged is no reuse",
			lastACKLost, step{at: 3 * time.Minute, flags: tcp.ACK | tcp.PSH, seq: 3000001, ack: 9000001}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ends, opens := endLog{}, reusedLog{}
			tr := NewTracker(ends, opens)
			play(tr, 40000, tt.first...)
			play(tr, 40000, tt.syn)
			if ends[1] != EndRetired {
				t.Fatalf("the first connection ended %v, want retired before the next segment", ends)
			}
			if opens[2] != tt.reused {
				t.Errorf("the second connection Reused = %v, want %v", opens[2], tt.reused)
			}
		})
	}
}

// TestAReuseOfARetiredFourTupleKeepsTheRoles plays the server's data far
// from the old spaces 10 s after a RST, on a server port (50000) above the
// client's, so that a mid-stream guess by the ports would take the server
// for the client: the connection it opens keeps the retired one's client.
func TestAReuseOfARetiredFourTupleKeepsTheRoles(t *testing.T) {
	col := &collector{}
	tr := NewTracker(col)
	for _, s := range append(reset, step{at: 10 * time.Second, fromServer: true, flags: tcp.ACK | tcp.PSH, seq: 9000001, ack: 3000001}) {
		seg := segOf(40000, s)
		if s.fromServer {
			seg.Src.Port = 50000
		} else {
			seg.Dst.Port = 50000
		}
		tr.Add(&seg)
	}
	tr.Flush()
	if len(col.conns) != 2 {
		t.Fatalf("%d connections, want 2", len(col.conns))
	}
	if c := col.conns[1]; !c.Reused || c.Client != col.conns[0].Client || !c.Flipped {
		t.Errorf("the new connection: Reused %v, client %v (want %v), Flipped %v (want true)",
			c.Reused, c.Client, col.conns[0].Client, c.Flipped)
	}
}

// TestTombstonesAreCappedAtMaxConns retires three connections one after
// another into a table of two: the oldest tombstone goes.
func TestTombstonesAreCappedAtMaxConns(t *testing.T) {
	opens := reusedLog{}
	tr := NewTracker(opens)
	tr.MaxConns = 2
	for i, port := range []uint16{40000, 40001, 40002} {
		play(tr, port, after(time.Duration(i)*10*time.Second, fullClose)...)
	}
	play(tr, 40000, step{at: 30 * time.Second, flags: tcp.SYN, seq: 9000})
	play(tr, 40002, step{at: 30 * time.Second, flags: tcp.SYN, seq: 9000})
	if opens[4] || !opens[5] {
		t.Errorf("Reused: on the first 4-tuple %v, on the last %v; want false (its tombstone was dropped), true", opens[4], opens[5])
	}
	if tr.tombs.n > 2 || len(tr.tombs.graves) > 2 {
		t.Errorf("%d tombstones, %d keys remembered; want at most 2", tr.tombs.n, len(tr.tombs.graves))
	}
}

func TestTombstones(t *testing.T) {
	var in interner
	key := func(i int) connKey {
		return in.keyOf(segOf(uint16(1024+i), step{}).Src, segOf(uint16(1024+i), step{}).Dst)
	}
	at := func(s int) time.Time { return scriptT0.Add(time.Duration(s) * time.Second) }
	tests := []struct {
		name   string
		limit  int
		laid   int // one a second, from 0
		now    int // seconds
		wantN  int
		oldest int // the oldest key remembered
	}{
		{"all are kept under the cap and within their life", 1000, 100, 100, 100, 0},
		{"beyond the cap the oldest go first", 50, 100, 100, 50, 50},
		{"the ring wraps around many times", 7, 1000, 1000, 7, 993},
		{"expired ones go first in, first out", 1000, 200, 100 + int(tombstoneLife/time.Second), 100, 100},
		{"no cap keeps none", 0, 10, 10, 0, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ts tombstones
			for i := range tt.laid {
				ts.add(key(i), at(i), grave{}, tt.limit)
			}
			ts.expire(at(tt.now))
			if ts.n != tt.wantN || len(ts.graves) != tt.wantN {
				t.Errorf("%d tombstones, %d keys; want %d", ts.n, len(ts.graves), tt.wantN)
			}
			for i := range tt.laid {
				if got, want := has(&ts, key(i), at(tt.now)), i >= tt.oldest; got != want {
					t.Errorf("has(key %d) = %v, want %v", i, got, want)
				}
			}
		})
	}
}

func TestATombstoneLaidAgainOutlivesItsOlderCopy(t *testing.T) {
	var in interner
	k := in.keyOf(segOf(40000, step{}).Src, segOf(40000, step{}).Dst)
	var ts tombstones
	ts.add(k, scriptT0, grave{}, 10)
	ts.add(k, scriptT0.Add(time.Minute), grave{}, 10)
	now := scriptT0.Add(tombstoneLife + 30*time.Second)
	ts.expire(now)
	if ts.n != 1 || !has(&ts, k, now) {
		t.Errorf("after the first copy expired: %d tombstones, has %v; want 1, true", ts.n, has(&ts, k, now))
	}
}

func TestATombstoneCountsWhenTheClockStepsBack(t *testing.T) {
	var in interner
	k := in.keyOf(segOf(40000, step{}).Src, segOf(40000, step{}).Dst)
	var ts tombstones
	ts.add(k, scriptT0, grave{}, 10)
	tests := []struct {
		name string
		now  time.Duration
		want bool
	}{
		{"a minute before it was laid", -time.Minute, true},
		{"a minute after", time.Minute, true},
		{"an hour before (another input's clock)", -time.Hour, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := has(&ts, k, scriptT0.Add(tt.now)); got != tt.want {
				t.Errorf("has = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestATombstoneLaidAgainTakesNoMoreRoom(t *testing.T) {
	var in interner
	key := func(port uint16) connKey { return in.keyOf(segOf(port, step{}).Src, segOf(port, step{}).Dst) }
	var ts tombstones
	for i := range 1000 {
		ts.add(key(40000), scriptT0.Add(time.Duration(i)*time.Millisecond), grave{}, 2)
	}
	if ts.n != 1 || len(ts.graves) != 1 {
		t.Fatalf("%d entries, %d keys after one 4-tuple retired 1000 times; want 1, 1", ts.n, len(ts.graves))
	}
	// At the cap, the 4-tuple retired least recently goes, not the one
	// laid first.
	ts.add(key(40001), scriptT0.Add(time.Second), grave{}, 2)
	ts.add(key(40000), scriptT0.Add(2*time.Second), grave{}, 2)
	ts.add(key(40002), scriptT0.Add(3*time.Second), grave{}, 2)
	now := scriptT0.Add(4 * time.Second)
	for port, want := range map[uint16]bool{40000: true, 40001: false, 40002: true} {
		if got := has(&ts, key(port), now); got != want {
			t.Errorf("has(%d) = %v, want %v", port, got, want)
		}
	}
	if ts.n != 2 || len(ts.graves) != 2 {
		t.Errorf("%d entries, %d keys; want 2, 2", ts.n, len(ts.graves))
	}
}

// has reports whether ts remembers a connection retired on key within
// tombstoneLife of now.
func has(ts *tombstones, key connKey, now time.Time) bool {
	_, ok := ts.get(key, now)
	return ok
}
