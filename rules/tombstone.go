package rules

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// tombstoneLife is how long, in capture time after it was retired, a
// connection's 4-tuple is remembered: a SYN on it within that time is port
// reuse, as it would be had the connection still been in the table.
const tombstoneLife = 2 * time.Minute

// tombstones remember the 4-tuples of retired connections, so that port
// reuse is seen after the connection itself was let go. Keys and times are
// pointer-free, so the garbage collector never scans the table; at most a
// cap of them are kept, so memory stays bounded.
//
// They expire first in, first out, by the date a 4-tuple last retired. The
// ring holds one entry per 4-tuple: a 4-tuple that retires again (a busy
// client cycling through its ports) only has its date moved in the map,
// and its entry goes to the back of the ring when it comes to the front.
// Retirement dates come nearly in order (two lingers interleave, capture
// clocks step back); a tombstone due behind a later one waits for it, at
// most a linger longer, and has looks at the date anyway.
type tombstones struct {
	// at is when each remembered 4-tuple last retired, as a duration since
	// epoch (Time.Sub saturates where UnixNano would overflow).
	at    map[connKey]time.Duration
	epoch time.Time
	// ring holds the 4-tuples in the order of the dates they carry, n of
	// them from head on.
	ring    []tombstone
	head, n int
}

// tombstone is a 4-tuple in the ring, and the date it had when it was put
// there.
type tombstone struct {
	key connKey
	at  time.Duration
}

// add remembers that the connection on key retired at when, forgetting
// the oldest 4-tuple first when limit are kept.
func (ts *tombstones) add(key connKey, when time.Time, limit int) {
	if limit <= 0 {
		return
	}
	if ts.at == nil {
		ts.at, ts.epoch = make(map[connKey]time.Duration), when
	}
	at := tcp.Elapsed(ts.epoch, when)
	if _, ok := ts.at[key]; ok {
		ts.at[key] = at
		return
	}
	for ts.n >= limit {
		ts.pop()
	}
	ts.push(key, at, limit)
	ts.at[key] = at
}

// push puts key at the back of the ring, growing it when it is full.
func (ts *tombstones) push(key connKey, at time.Duration, limit int) {
	if ts.n == len(ts.ring) {
		ts.grow(limit)
	}
	ts.ring[(ts.head+ts.n)%len(ts.ring)] = tombstone{key, at}
	ts.n++
}

// grow doubles the ring, up to limit entries (and at least one more).
func (ts *tombstones) grow(limit int) {
	ring := make([]tombstone, max(min(2*len(ts.ring), limit), 64, ts.n+1))
	for i := range ts.n {
		ring[i] = ts.ring[(ts.head+i)%len(ts.ring)]
	}
	ts.ring, ts.head = ring, 0
}

// pop takes the front entry off the ring and forgets its 4-tuple, unless
// the 4-tuple retired again since: then it goes to the back, with its new
// date. Each 4-tuple goes back once per retirement, so popping until an
// entry is forgotten is linear in the retirements, not in the table.
func (ts *tombstones) pop() {
	old := ts.ring[ts.head]
	ts.head = (ts.head + 1) % len(ts.ring)
	ts.n--
	if at := ts.at[old.key]; at != old.at {
		ts.push(old.key, at, len(ts.ring))
		return
	}
	delete(ts.at, old.key)
}

// expire forgets the tombstones older than tombstoneLife at now.
func (ts *tombstones) expire(now time.Time) {
	for ts.n > 0 && tcp.Elapsed(ts.epoch, now)-ts.ring[ts.head].at > tombstoneLife {
		ts.pop()
	}
}

// has reports whether a connection on key retired within tombstoneLife of
// now. Either way: a capture's clock may step back.
func (ts *tombstones) has(key connKey, now time.Time) bool {
	at, ok := ts.at[key]
	if !ok {
		return false
	}
	d := tcp.Elapsed(ts.epoch, now) - at
	return -tombstoneLife <= d && d <= tombstoneLife
}
