package rules

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// closedLinger is how long, in capture time, a connection that closed but
// not cleanly (a FIN not yet acknowledged) stays in the table after its
// last segment, to catch late retransmissions, ACKs and RSTs before it is
// retired. It matches twice Linux's TIME_WAIT.
const closedLinger = 2 * time.Minute

// fullyClosedLinger is how long a fully closed connection (both FINs
// acknowledged, or a RST) stays in the table after its last segment: Zeek's
// tcp_close_delay and tcp_reset_delay, both 5 s (scripts/base/init-bare.zeek,
// "upon seeing a normal connection close, flush state after this much
// time"). Little more can come: a retransmitted last ACK, a RST answering
// it. Retiring early is what keeps a capture of many short connections in
// bounded memory; a tombstone keeps the 4-tuple for port reuse.
const fullyClosedLinger = 5 * time.Second

// fullyClosed reports whether c is done for good: a RST either way, or a
// FIN each way that the peer acknowledged (its highest ack reaches FIN+1).
func (c *Conn) fullyClosed() bool {
	a, b := &c.Sides[FromClient], &c.Sides[FromServer]
	return a.RST || b.RST || (finAcked(a, b) && finAcked(b, a))
}

// finAcked reports whether s sent a FIN that peer acknowledged.
func finAcked(s, peer *Side) bool {
	return s.HasFIN && peer.HasAck && tcp.SeqLEQ(s.FIN+1, peer.MaxAck)
}

// closedQueue lists the closed connections that wait out one linger,
// linked through Conn.qprev and Conn.qnext, most recently active at the
// front.
//
// Each linger has its own queue, beside the table's LRU list, because one
// list would not keep retirement cheap: its cold end may hold an open
// connection, or one lingering for two minutes, with fully closed ones
// behind it that are due after five seconds, and finding those would mean
// walking past the first. Within one queue every connection waits the
// same time, so its back is always the first due, and retire looks at no
// more than one connection per queue that it does not retire.
type closedQueue struct{ front, back *Conn }

// moveToFront puts c at the front of q, taking it out of the queue it was
// in, if any.
func (q *closedQueue) moveToFront(c *Conn) {
	if c.queue == q && q.front == c {
		return
	}
	if c.queue != nil {
		c.queue.remove(c)
	}
	c.queue, c.qprev, c.qnext = q, nil, q.front
	if q.front != nil {
		q.front.qprev = c
	} else {
		q.back = c
	}
	q.front = c
}

// remove takes c out of q.
func (q *closedQueue) remove(c *Conn) {
	if c.qprev != nil {
		c.qprev.qnext = c.qnext
	} else {
		q.front = c.qnext
	}
	if c.qnext != nil {
		c.qnext.qprev = c.qprev
	} else {
		q.back = c.qprev
	}
	c.queue, c.qprev, c.qnext = nil, nil, nil
}

// queueFor is the queue c waits in now: none while it is open. Closed is
// tested first: it is cheaper, and fully closed implies it.
func (t *Tracker) queueFor(c *Conn) *closedQueue {
	switch {
	case !c.Closed():
		return nil
	case c.fullyClosed():
		return &t.fullyClosed
	}
	return &t.closed
}

// mayRetire reports whether retire can have anything to do: in a capture
// of long connections, nothing has closed and no tombstone waits.
func (t *Tracker) mayRetire() bool {
	return t.fullyClosed.back != nil || t.closed.back != nil || t.tombs.n > 0
}

// retire ends the closed connections quiet for longer than their linger
// at time now, laying a tombstone for each, and forgets the tombstones
// that expired.
func (t *Tracker) retire(now time.Time) {
	t.retireFrom(&t.fullyClosed, fullyClosedLinger, now)
	t.retireFrom(&t.closed, closedLinger, now)
	t.tombs.expire(now)
}

// retireFrom retires connections from the back of q while they have been
// quiet for longer than linger. Each tombstone is dated when its
// connection was due, not when a later segment noticed, so that what is
// remembered does not depend on the traffic of other connections.
func (t *Tracker) retireFrom(q *closedQueue, linger time.Duration, now time.Time) {
	for c := q.back; c != nil && tcp.Elapsed(c.End, now) > linger; c = q.back {
		t.tombs.add(c.key, c.End.Add(linger), graveOf(c), t.maxConns())
		t.end(c, EndRetired)
	}
}
