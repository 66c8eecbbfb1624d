package rules

import "github.com/pcaplint/pcaplint/parse/tcp"

// reusedUnseen reports whether seg, a segment without SYN on the 4-tuple
// of c, is the first seen of a new connection whose handshake the capture
// missed. c is over for both ends (c.over), and seg lies outside what c
// can still carry (c.carries), in its seq or its ack, or its TSval jumped
// (tsJumped). A client that reuses its port moments later starts from a
// new ISN, almost always far away; the capture may miss its SYN (a ring
// buffer, a filter started late, a dropped packet).
func reusedUnseen(c *Conn, seg *tcp.Segment) bool {
	if !seg.Has(tcp.KnownFlags) || seg.Flags&tcp.RST != 0 || isSYN(seg) || !c.over() {
		return false
	}
	d := FromClient
	if seg.Src != c.Client {
		d = FromServer
	}
	return c.Sides[d].tsJumped(seg) || outside(seg, c.carries(d), c.carries(d.Peer()))
}

// reusedRetired reports whether seg, on a 4-tuple without a live
// connection, opens one that reuses the 4-tuple of a connection retired
// within tombstoneLife: a SYN does; so does a segment without SYN, or a
// SYN-ACK, that lies outside what the retired connection could still
// carry, when both its ends were done with it (its TSvals are not kept).
// client is then the retired connection's client, so that the ends keep
// their roles.
func (t *Tracker) reusedRetired(key connKey, seg *tcp.Segment) (client tcp.Endpoint, reused bool) {
	g, ok := t.tombs.get(key, seg.Time)
	switch {
	case !ok:
		return tcp.Endpoint{}, false
	case isSYN(seg):
		return tcp.Endpoint{}, true
	case !g.over || !seg.Has(tcp.KnownFlags) || seg.Flags&tcp.RST != 0:
		return tcp.Endpoint{}, false
	}
	fromLo := lessEnd(seg.Src, seg.Dst)
	own, peer := g.spans[1], g.spans[0]
	if fromLo {
		own, peer = peer, own
	}
	if !outside(seg, own, peer) {
		return tcp.Endpoint{}, false
	}
	if fromLo == g.clientLo {
		return seg.Src, true
	}
	return seg.Dst, true
}

// graveOf is what the tombstone of c keeps (see grave).
func graveOf(c *Conn) grave {
	if !c.over() {
		return grave{}
	}
	g := grave{over: true, clientLo: lessEnd(c.Client, c.Server)}
	lo := FromClient
	if !g.clientLo {
		lo = FromServer
	}
	g.spans[0], g.spans[1] = c.carries(lo), c.carries(lo.Peer())
	return g
}

// lessEnd orders the two ends of a connection, the same way in every
// tracker: the numbers an interner gives names differ between the
// trackers of Lanes.
func lessEnd(a, b tcp.Endpoint) bool {
	if c := a.Addr.Compare(b.Addr); c != 0 {
		return c < 0
	}
	if a.Port != b.Port {
		return a.Port < b.Port
	}
	return a.Name < b.Name
}

// over reports whether both ends are done with c: it closed cleanly (both
// FINs acknowledged: RFC 9293 section 3.6), or a RST either way was
// accepted (section 3.10.7.4: the receiver goes to CLOSED), FINs or not.
func (c *Conn) over() bool {
	cl, sv := &c.Sides[FromClient], &c.Sides[FromServer]
	return c.ResetAccepted() || (finAcked(cl, sv) && finAcked(sv, cl))
}

// span is a range of sequence numbers, [from, to] in serial arithmetic, or
// every number (all).
type span struct {
	from, to uint32
	all      bool
}

// has reports whether n lies in sp.
func (sp span) has(n uint32) bool {
	return sp.all || (tcp.SeqLEQ(sp.from, n) && tcp.SeqLEQ(n, sp.to))
}

// outside reports whether seg lies outside what a connection over can
// still carry: its seq outside the span of its sender (own), or its ack
// outside the span of its receiver (peer).
func outside(seg *tcp.Segment, own, peer span) bool {
	if seg.Has(tcp.KnownSeq) && !own.has(seg.Seq) {
		return true
	}
	return seg.Has(tcp.KnownAck|tcp.KnownFlags) && seg.Flags&tcp.ACK != 0 && !peer.has(seg.Ack)
}

// carries is the span of sequence numbers the side of c in direction d
// may still send once c is over: the space it used, from its ISN (or,
// without its SYN, as far back as its bytes reach) up to its next
// sequence number, so a retransmission of its data or FIN, or its last ACK
// again; and after its peer's RST (not its own), the data it had in flight
// when the RST was sent: up to the right edge of the window the peer last
// offered. A RST is left out of the judgement: rst-after-close judges
// those.
func (c *Conn) carries(d Dir) span {
	s, peer := &c.Sides[d], &c.Sides[d.Peer()]
	if !s.HasNxt || (!s.HasISN && s.Bytes >= 1<<31) {
		return span{all: true} // nothing sent, or round the space: anything may be a resend
	}
	sp := span{from: s.ISN, to: s.Nxt}
	if !s.HasISN {
		sp.from = s.Nxt - uint32(s.Bytes) - 2 // data, SYN and FIN
	}
	if peer.resetSent && !s.resetSent && peer.HasAck && peer.HasWin {
		if edge := peer.MaxAck + max(peer.Win, 1) - 1; tcp.SeqLess(sp.to, edge) {
			sp.to = edge
		}
	}
	return sp
}

// Bounds on how far a TSval may move from the previous one of its sender
// and still come from the same clock: a clock ticks at most once a
// millisecond (RFC 7323 section 5.4), so it moves forward by at most the
// elapsed milliseconds, and tsAhead more for rounding and clock steps; a
// segment the network delayed carries an older TSval, by at most its
// delay: tsBehind is two minutes of the fastest clock, a maximum segment
// lifetime twice over.
const (
	tsAhead  = 1000
	tsBehind = 120_000
)

// tsJumped reports whether seg carries a TSval that the clock s used
// cannot have given it: a new connection on the 4-tuple, from a stack
// that starts each connection's clock at a random offset (RFC 7323
// section 5.4). Linux offsets the clock by the address pair alone, so its
// new connection on a reused port does not jump: its sequence numbers
// tell it instead.
func (s *Side) tsJumped(seg *tcp.Segment) bool {
	if !s.hasTS || !seg.Has(tcp.KnownOptions) || seg.Options.Has&tcp.OptTimestamp == 0 {
		return false
	}
	moved := int32(seg.Options.TSVal - s.tsVal)
	elapsed := max(int32(uint32(seg.Time.UnixMilli())-s.tsMilli), 0)
	return moved < -tsBehind || moved > elapsed+tsAhead
}
