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
// reuse is seen after the connection itself was let go: a SYN on one, or,
// when both ends were done with the connection, a segment outside what it
// could still carry (see grave). Keys and graves are pointer-free, so the garbage collector never scans the table; at most a
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
	// graves are what is remembered of the connection that last retired
	// on each 4-tuple.
	graves map[connKey]grave
	epoch  time.Time
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

// grave is what a tombstone keeps of its connection: when it retired, as
// a duration since the tombstones' epoch (Time.Sub saturates where
// UnixNano would overflow), and, when both its ends were done with it
// (Conn.over), the spans each end could still send (Conn.carries), the
// lesser end first (lessEnd), and whether the client was that end.
type grave struct {
	at       time.Duration
	spans    [2]span
	over     bool
	clientLo bool
}

// add remembers g as the connection on key that retired at when,
// forgetting the oldest 4-tuple first when limit are kept.
func (ts *tombstones) add(key connKey, when time.Time, g grave, limit int) {
	if limit <= 0 {
		return
	}
	if ts.graves == nil {
		ts.graves, ts.epoch = make(map[connKey]grave), when
	}
	g.at = tcp.Elapsed(ts.epoch, when)
	if _, ok := ts.graves[key]; ok {
		ts.graves[key] = g
		return
	}
	for ts.n >= limit {
		ts.pop()
	}
	ts.push(key, g.at, limit)
	ts.graves[key] = g
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
	if g := ts.graves[old.key]; g.at != old.at {
		ts.push(old.key, g.at, len(ts.ring))
		return
	}
	delete(ts.graves, old.key)
}

// expire forgets the tombstones older than tombstoneLife at now.
func (ts *tombstones) expire(now time.Time) {
	for ts.n > 0 && tcp.Elapsed(ts.epoch, now)-ts.ring[ts.head].at > tombstoneLife {
		ts.pop()
	}
}

// get returns the grave of the connection that retired on key, if it did
// within tombstoneLife of now. Either way: a capture's clock may step back.
func (ts *tombstones) get(key connKey, now time.Time) (grave, bool) {
	g, ok := ts.graves[key]
	if !ok {
		return grave{}, false
	}
	d := tcp.Elapsed(ts.epoch, now) - g.at
	return g, -tombstoneLife <= d && d <= tombstoneLife
}
