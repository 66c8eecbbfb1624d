package rules

import (
	"net/netip"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// step is one segment of a scripted connection between 10.0.0.1:port and
// 10.0.0.2:80, at a time after the script's start.
type step struct {
	at         time.Duration
	fromServer bool
	flags      tcp.Flags
	seq, ack   uint32
	tsval      uint32 // a timestamp option's TSval; 0: no option
}

// scriptT0 is when every script starts.
var scriptT0 = time.Unix(1700000000, 0)

// segOf is the segment of s on the connection from port.
func segOf(port uint16, s step) tcp.Segment {
	seg := tcp.Segment{Known: tcp.KnownAll, Window: 512, Interface: -1, Flags: s.flags, Seq: s.seq, Ack: s.ack,
		Src:  tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.1"), Port: port},
		Dst:  tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.2"), Port: 80},
		Time: scriptT0.Add(s.at)}
	if s.tsval != 0 {
		seg.Options.Has, seg.Options.TSVal = tcp.OptTimestamp, s.tsval
	}
	if s.fromServer {
		seg.Src, seg.Dst = seg.Dst, seg.Src
	}
	return seg
}

// play feeds the steps of the connection from port to tr.
func play(tr *Tracker, port uint16, steps ...step) {
	for _, s := range steps {
		seg := segOf(port, s)
		tr.Add(&seg)
	}
}

// Scripts of one connection, all within the first 10 ms.
var (
	handshake = []step{
		{at: 0, flags: tcp.SYN, seq: 1000},
		{at: time.Millisecond, fromServer: true, flags: tcp.SYN | tcp.ACK, seq: 5000, ack: 1001},
		{at: 2 * time.Millisecond, flags: tcp.ACK, seq: 1001, ack: 5001},
	}
	clientFIN    = step{at: 3 * time.Millisecond, flags: tcp.FIN | tcp.ACK, seq: 1001, ack: 5001}
	serverACKFIN = step{at: 4 * time.Millisecond, fromServer: true, flags: tcp.ACK, seq: 5001, ack: 1002}
	serverFIN    = step{at: 5 * time.Millisecond, fromServer: true, flags: tcp.FIN | tcp.ACK, seq: 5001, ack: 1002}
	clientLast   = step{at: 6 * time.Millisecond, flags: tcp.ACK, seq: 1002, ack: 5002}
	clientRST    = step{at: 3 * time.Millisecond, flags: tcp.RST, seq: 1001}

	fullClose   = append(append([]step{}, handshake...), clientFIN, serverFIN, clientLast)
	lastACKLost = append(append([]step{}, handshake...), clientFIN, serverFIN)
	halfClose   = append(append([]step{}, handshake...), clientFIN, serverACKFIN)
	reset       = append(append([]step{}, handshake...), clientRST)
	lastACKLate = append(append([]step{}, lastACKLost...), step{at: time.Second, flags: tcp.ACK, seq: 1002, ack: 5002})
)

// endLog records why each connection ended, by ID.
type endLog map[int]EndReason

func (endLog) Segment(*Conn, Dir, *tcp.Segment, bool) {}
func (l endLog) End(c *Conn, why EndReason)           { l[c.ID] = why }

func TestClosedConnectionsRetireAfterTheirLinger(t *testing.T) {
	tests := []struct {
		name    string
		script  []step
		quiet   time.Duration // from the script's last segment to another connection's
		retired bool
	}{
		{"a connection closed both ways and acknowledged is kept for 5 s", fullClose, 4 * time.Second, false},
		{"a connection closed both ways and acknowledged retires after 5 s", fullClose, 6 * time.Second, true},
		{"a reset connection retires after 5 s", reset, 6 * time.Second, true},
		{"a connection whose last FIN was not acknowledged is kept after 5 s", lastACKLost, 6 * time.Second, false},
		{"a connection whose last FIN was not acknowledged is kept for 2 minutes", lastACKLost, 119 * time.Second, false},
		{"a connection whose last FIN was not acknowledged retires after 2 minutes", lastACKLost, 121 * time.Second, true},
		{"a connection whose last ACK came late retires 5 s after it", lastACKLate, 6 * time.Second, true},
		{"a half-closed connection is never retired", halfClose, time.Hour, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := endLog{}
			tr := NewTracker(log)
			play(tr, 40000, tt.script...)
			last := tt.script[len(tt.script)-1].at
			play(tr, 50000, step{at: last + tt.quiet, flags: tcp.SYN, seq: 1})
			why, ended := log[1]
			if got := ended && why == EndRetired; got != tt.retired {
				t.Errorf("retired %v (ended %v, why %d), want retired %v", got, ended, why, tt.retired)
			}
			if want := 2 - btoi(tt.retired); tr.Live() != want {
				t.Errorf("%d live connections, want %d", tr.Live(), want)
			}
		})
	}
}

// TestRetirementLooksPastOpenAndLingeringConnections wants fully closed
// connections retired on time even when the least recently seen
// connections are open, or closed but waiting out the 2-minute linger.
func TestRetirementLooksPastOpenAndLingeringConnections(t *testing.T) {
	log := endLog{}
	tr := NewTracker(log)
	play(tr, 40000, handshake...)   // 1: stays open
	play(tr, 40001, lastACKLost...) // 2: lingers 2 minutes
	play(tr, 40002, fullClose...)   // 3: retires after 5 s
	play(tr, 40003, reset...)       // 4: retires after 5 s
	play(tr, 40004, step{at: 6 * time.Second, flags: tcp.SYN, seq: 1})
	want := endLog{3: EndRetired, 4: EndRetired}
	if len(log) != len(want) || log[3] != EndRetired || log[4] != EndRetired {
		t.Errorf("ended %v, want %v", log, want)
	}
}

// TestLateSegmentsKeepAClosedConnection wants a segment after the close
// to restart the quiet time.
func TestLateSegmentsKeepAClosedConnection(t *testing.T) {
	log := endLog{}
	tr := NewTracker(log)
	play(tr, 40000, fullClose...)
	late := clientLast
	late.at = 4 * time.Second
	play(tr, 40000, late)
	play(tr, 50000, step{at: 8 * time.Second, flags: tcp.SYN, seq: 1})
	if len(log) != 0 {
		t.Errorf("ended %v 4 s after a late ACK, want nothing", log)
	}
	play(tr, 50000, step{at: 10 * time.Second, flags: tcp.SYN, seq: 1})
	if log[1] != EndRetired {
		t.Errorf("ended %v 6 s after a late ACK, want connection 1 retired", log)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
