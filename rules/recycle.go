package rules

import "unsafe"

// maxFree is how many ended connections a recycling tracker keeps for
// reuse. Connections end about as fast as they open, so a few would do;
// the margin serves the bursts when many retire at once (after a pause in
// the capture), and the cap lets memory shrink after them.
const maxFree = 1024

// alloc returns a connection to fill in: an ended one when the tracker
// recycles, else a new one.
func (t *Tracker) alloc() *Conn {
	c := t.free
	if c == nil {
		return t.fromSlab()
	}
	t.free, c.next = c.next, nil
	t.nFree--
	return c
}

// recycle keeps c, which ended and which every observer has let go, for
// a connection opened later.
func (t *Tracker) recycle(c *Conn) {
	if !t.Recycle || t.nFree >= maxFree {
		return
	}
	c.next, t.free = t.free, c
	t.nFree++
}

// connSlab is how many connections the tracker allocates at once: one
// allocation of a slab costs less than connSlab of a connection each, and
// the connections opened together sit together in memory. A slab fills
// 64 KiB, eight pages of the allocator: 64 connections of 1,032 bytes made
// 66,048, which it rounded up to 73,728, 120 bytes lost a connection.
const connSlab = 64 << 10 / int(unsafe.Sizeof(Conn{}))

// fromSlab returns a new connection from the tracker's current slab.
func (t *Tracker) fromSlab() *Conn {
	if len(t.slab) == 0 {
		t.slab = make([]Conn, connSlab)
	}
	c := &t.slab[0]
	t.slab = t.slab[1:]
	return c
}
