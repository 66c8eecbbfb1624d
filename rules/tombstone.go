package rules

import "time"

// tombstoneLife is how long, in capture time after it was retired, a
// connection's 4-tuple is remembered: a SYN on it within that time is port
// reuse, as it would be had the connection still been in the table.
const tombstoneLife = 2 * time.Minute

// tombstones remember the 4-tuples of retired connections, oldest first,
// so that port reuse is seen after the connection itself was let go. Keys
// and times are pointer-free, so the garbage collector never scans the
// table; at most a cap of them are kept, so memory stays bounded.
//
// They expire first in, first out. Retirement dates come nearly in order
// (two lingers interleave, capture clocks step back); a tombstone due
// behind a later one waits for it, at most a linger longer, and has looks
// at the date anyway.
type tombstones struct {
	// at is when each remembered 4-tuple was last retired, as a duration
	// since epoch (Time.Sub saturates where UnixNano would overflow).
	at    map[connKey]time.Duration
	epoch time.Time
	// ring holds the tombstones in the order they were laid, n of them
	// from head on.
	ring    []tombstone
	head, n int
}

// tombstone is one retirement of a 4-tuple.
type tombstone struct {
	key connKey
	at  time.Duration
}

// add remembers that the connection on key retired at when, forgetting
// the oldest tombstone first when limit are kept.
func (ts *tombstones) add(key connKey, when time.Time, limit int) {
	if limit <= 0 {
		return
	}
	for ts.n >= limit {
		ts.pop()
	}
	if ts.n == len(ts.ring) {
		ts.grow(limit)
	}
	if ts.at == nil {
		ts.at, ts.epoch = make(map[connKey]time.Duration), when
	}
	at := when.Sub(ts.epoch)
	ts.ring[(ts.head+ts.n)%len(ts.ring)] = tombstone{key, at}
	ts.n++
	ts.at[key] = at
}

// grow doubles the ring, up to limit entries.
func (ts *tombstones) grow(limit int) {
	ring := make([]tombstone, min(max(2*len(ts.ring), 64), limit))
	for i := range ts.n {
		ring[i] = ts.ring[(ts.head+i)%len(ts.ring)]
	}
	ts.ring, ts.head = ring, 0
}

// pop forgets the oldest tombstone, and its 4-tuple unless that retired
// again since.
func (ts *tombstones) pop() {
	old := ts.ring[ts.head]
	if ts.at[old.key] == old.at {
		delete(ts.at, old.key)
	}
	ts.head = (ts.head + 1) % len(ts.ring)
	ts.n--
}

// expire forgets the tombstones older than tombstoneLife at now.
func (ts *tombstones) expire(now time.Time) {
	for ts.n > 0 && now.Sub(ts.epoch)-ts.ring[ts.head].at > tombstoneLife {
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
	d := now.Sub(ts.epoch) - at
	return -tombstoneLife <= d && d <= tombstoneLife
}
