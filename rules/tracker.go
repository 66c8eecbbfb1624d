package rules

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// DefaultMaxConns is the default cap on live connections in the tracker
// (pcaplint's --max-conns). A flood of distinct 4-tuples evicts the least
// recently seen connection beyond it, so memory stays bounded: a live
// connection with its checks' state costs about 1.8 KB of heap when it sent
// only its SYN (TestSYNOnlyConnectionFootprint), more with the garbage
// collector's headroom, so a full table with the process's own 70 MB stays
// under 200 MB (bench/memory.sh: 186 MB on a SYN flood). Fully closed connections linger for
// fullyClosedLinger (5 s), so the cap allows about 8,000 new connections
// a second, sustained, before anything open is evicted; about 300 a second
// when they close without acknowledging their FINs and so linger for
// closedLinger (2 min).
const DefaultMaxConns = 40_000

// copyWindow is how close in time two copies of one packet on different
// interfaces of a "-i any" capture must be to count as one packet.
const copyWindow = 10 * time.Millisecond

// Observer sees every segment once the tracker has matched it to its
// connection, before the connection's state is updated with it, so that it
// can compare the segment with what came before.
type Observer interface {
	// Segment is called for every segment except copies of one packet on
	// another interface. isNew is set when the segment opened c.
	Segment(c *Conn, d Dir, seg *tcp.Segment, isNew bool)
	// End is called once per connection when the tracker retires it: port
	// reuse, eviction, or the end of the input.
	End(c *Conn, why EndReason)
}

// EndReason says why the tracker let go of a connection.
type EndReason uint8

// Reasons a connection ends in the tracker.
const (
	EndOfInput  EndReason = iota // the input ended
	EndRetired                   // closed, and quiet for longer than its linger
	EndReplaced                  // a new connection reused its 4-tuple
	EndEvicted                   // the table was full
)

// Tracker groups segments into connections. It is not safe for concurrent
// use; split inputs across trackers instead.
//
// A connection ends (Observer.End) with the input, when a SYN opens a new
// connection on its 4-tuple (or, after a clean close or an accepted RST, a
// segment outside its sequence spaces does: see reusedUnseen), when a full
// table evicts it, or when it is retired: once it has been quiet for 5 s
// of capture time after it closed fully (both FINs acknowledged, or a
// RST), or for 2 minutes after it closed otherwise (both FINs sent, one
// not acknowledged). The 4-tuple of a retired connection is remembered for
// 2 more minutes, so that a SYN on it, or a segment outside its sequence
// spaces (see reusedRetired), still opens a connection marked Reused.
type Tracker struct {
	// MaxConns caps the live connections (DefaultMaxConns when 0).
	MaxConns int
	// Observers are called for every segment and every ended connection.
	Observers []Observer
	// NoTransitions leaves Conn.Transitions empty, for users that never
	// read them (lint): it saves most of a kilobyte per connection.
	NoTransitions bool
	// Recycle reuses the memory of ended connections for the connections
	// opened after them, so that a long input of short connections does
	// not keep the allocator and the garbage collector busy. Set it only
	// when no Observer keeps a *Conn, or its History or Transitions, after
	// its End returns: the Conn is overwritten. Copy what you need in End
	// (Ref, the counters, History()).
	Recycle bool

	conns   map[connKey]*Conn
	names   interner // endpoints that do not pack into a key
	lru     Conn     // sentinel of a doubly linked list, most recent first
	nextID  int
	evicted int64
	copies  int64
	loss    CaptureLoss

	// fullyClosed and closed are the closed connections waiting to be
	// retired, by linger (see closedQueue).
	fullyClosed, closed closedQueue
	// tombs are the 4-tuples of retired connections.
	tombs tombstones
	// free are ended connections to reuse (Recycle), linked through
	// Conn.next.
	free  *Conn
	nFree int
	// slab holds new connections not yet handed out.
	slab []Conn

	// inLane is set for a tracker of Lanes: ord is then the ordinal of
	// the segment being added, and opens lists those that opened
	// connections.
	inLane bool
	ord    uint64
	opens  ordinals
}

// NewTracker returns an empty tracker.
func NewTracker(obs ...Observer) *Tracker {
	t := &Tracker{conns: make(map[connKey]*Conn), Observers: obs}
	t.lru.next, t.lru.prev = &t.lru, &t.lru
	return t
}

// Evicted counts connections dropped from a full table.
func (t *Tracker) Evicted() int64 { return t.evicted }

// Copies counts packets recognised as copies of one packet seen on another
// interface.
func (t *Tracker) Copies() int64 { return t.copies }

// CaptureLoss is the estimate of what the capture missed in the segments
// added so far (see CaptureLoss).
func (t *Tracker) CaptureLoss() CaptureLoss { return t.loss }

// Live counts the connections in the table.
func (t *Tracker) Live() int { return len(t.conns) }

// Add feeds one segment to the tracker and returns its connection and
// direction.
func (t *Tracker) Add(seg *tcp.Segment) (*Conn, Dir) {
	return t.addKeyed(t.names.keyOf(seg.Src, seg.Dst), seg)
}

// addKeyed is Add with the segment's connection key already made (by
// Lanes, which makes it to choose the lane).
func (t *Tracker) addKeyed(key connKey, seg *tcp.Segment) (*Conn, Dir) {
	if t.mayRetire() {
		t.retire(seg.Time)
	}
	c, ok := t.conns[key]
	isNew := false
	if ok && (startsNewConn(c, seg) || reusedUnseen(c, seg)) {
		client := c.Client // c's memory may serve the new connection
		t.end(c, EndReplaced)
		c = t.open(key, seg, client)
		c.Reused = true
		isNew = true
	} else if !ok {
		client, reused := t.reusedRetired(key, seg)
		c = t.open(key, seg, client)
		c.Reused = reused
		isNew = true
	}
	d := FromClient
	if seg.Src != c.Client {
		d = FromServer
	}
	if !isNew && c.isCopy(d, seg) {
		c.Copies++
		t.copies++
		return c, d
	}
	for _, o := range t.Observers {
		o.Segment(c, d, seg, isNew)
	}
	t.loss.segment(c, d, seg)
	c.update(d, seg)
	t.touch(c)
	return c, d
}

// Flush ends every live connection, in the order they were opened.
func (t *Tracker) Flush() {
	ended := make([]*Conn, 0, len(t.conns))
	for _, c := range t.conns {
		ended = append(ended, c)
	}
	sortByID(ended)
	for _, c := range ended {
		t.end(c, EndOfInput)
	}
}

// startsNewConn reports whether seg, a segment on the 4-tuple of c, opens a
// new connection (port reuse): a SYN after c closed, or a SYN with another
// ISN than c's client sent.
func startsNewConn(c *Conn, seg *tcp.Segment) bool {
	if !seg.Has(tcp.KnownSeq) || !isSYN(seg) {
		return false
	}
	client := &c.Sides[FromClient]
	if seg.Src == c.Client && client.HasISN && seg.Seq == client.ISN {
		return false // a retransmitted SYN
	}
	if c.Closed() {
		return true
	}
	return seg.Src == c.Client && client.HasISN && seg.Seq != client.ISN
}

// isSYN reports whether seg is a SYN without ACK or RST: the first segment
// of a connection.
func isSYN(seg *tcp.Segment) bool {
	return seg.Has(tcp.KnownFlags) && seg.Flags&(tcp.SYN|tcp.ACK|tcp.RST) == tcp.SYN
}

// open starts a connection on key with seg. client, when valid, is the
// client of the connection seg replaces: the ends keep their roles when a
// reused 4-tuple's handshake was not captured.
func (t *Tracker) open(key connKey, seg *tcp.Segment, client tcp.Endpoint) *Conn {
	t.nextID++
	c := t.alloc()
	// Every field starts from zero; a recycled connection keeps only the
	// storage of its slices.
	*c = Conn{ID: t.nextID, key: key, Start: seg.Time, End: seg.Time, FirstPos: seg.Pos, noTransitions: t.NoTransitions,
		history: c.history[:0], Transitions: c.Transitions[:0]}
	if t.inLane {
		c.open = t.ord
		t.opens.add(t.ord)
	}
	c.Client, c.Server = seg.Src, seg.Dst
	switch {
	case seg.Has(tcp.KnownFlags) && seg.Flags&(tcp.SYN|tcp.ACK) == tcp.SYN|tcp.ACK:
		// The SYN-ACK's sender is the server.
		c.Client, c.Server = seg.Dst, seg.Src
		c.Flipped = true
	case seg.Has(tcp.KnownFlags) && seg.Flags&tcp.SYN != 0:
	case client != (tcp.Endpoint{}):
		if seg.Src != client {
			c.Client, c.Server = seg.Dst, seg.Src
			c.Flipped = true
		}
	case looksLikeServer(seg.Src.Port, seg.Dst.Port):
		c.Client, c.Server = seg.Dst, seg.Src
		c.Flipped = true
	}
	c.Sides[FromClient].Endpoint, c.Sides[FromServer].Endpoint = c.Client, c.Server
	for i := range c.Sides {
		c.Sides[i].WScale = -1
	}
	noSYN := !seg.Has(tcp.KnownFlags) || seg.Flags&tcp.SYN == 0
	c.Midstream = noSYN
	if noSYN {
		c.Sides[FromClient].State, c.Sides[FromServer].State = Established, Established
	} else {
		c.Sides[FromServer].State = Listen
	}
	if t.conns == nil {
		t.conns = make(map[connKey]*Conn)
		t.lru.next, t.lru.prev = &t.lru, &t.lru
	}
	t.conns[key] = c
	t.pushFront(c)
	t.evict()
	return c
}

// looksLikeServer guesses, for a connection seen without its SYN, whether
// the sender of its first segment is the server: its port is well known
// (below 1024) and the other is not, or the other is ephemeral.
func looksLikeServer(src, dst uint16) bool {
	switch {
	case src < 1024 && dst >= 1024:
		return true
	case src >= 1024 && dst < 1024:
		return false
	}
	return src < dst && dst >= 32768 && src < 32768
}

// isCopy reports whether seg repeats the previous segment of its direction
// on another interface: the same packet crossing veth, bridge and uplink in
// a "-i any" capture.
func (c *Conn) isCopy(d Dir, seg *tcp.Segment) bool {
	last := &c.last[d]
	if !last.valid || seg.Interface < 0 || last.iface < 0 || seg.Interface == last.iface {
		return false
	}
	dt := tcp.Elapsed(last.time, seg.Time)
	return dt >= 0 && dt <= copyWindow && last.seq == seg.Seq && last.ack == seg.Ack &&
		last.flags == seg.Flags && last.length == seg.PayloadLen && last.ipid == seg.IPID &&
		last.window == seg.Window
}

// maxConns is the cap on live connections.
func (t *Tracker) maxConns() int {
	if t.MaxConns <= 0 {
		return DefaultMaxConns
	}
	return t.MaxConns
}

// evict ends the least recently seen connections while the table is over
// its cap.
func (t *Tracker) evict() {
	for len(t.conns) > t.maxConns() {
		t.evicted++
		t.end(t.lru.prev, EndEvicted)
	}
}

func (t *Tracker) end(c *Conn, why EndReason) {
	delete(t.conns, c.key)
	c.prev.next, c.next.prev = c.next, c.prev
	c.prev, c.next = nil, nil
	if c.queue != nil {
		c.queue.remove(c)
	}
	for _, o := range t.Observers {
		o.End(c, why)
	}
	t.recycle(c)
}

func (t *Tracker) pushFront(c *Conn) {
	c.prev, c.next = &t.lru, t.lru.next
	t.lru.next.prev = c
	t.lru.next = c
}

// touch moves c to the front of the LRU list and, once it closed, of the
// queue it waits in to be retired.
func (t *Tracker) touch(c *Conn) {
	if t.lru.next != c {
		c.prev.next, c.next.prev = c.next, c.prev
		t.pushFront(c)
	}
	if q := t.queueFor(c); q != nil {
		q.moveToFront(c)
	}
}
