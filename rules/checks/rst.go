package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// rstWindow is the receive window a RST from direction d is checked
// against: [rcv.nxt, rcv.nxt+win), from the receiver's highest ack and its
// latest window. ok is false when it is unknown: the handshake is not
// complete (a RST then answers a SYN and is judged by its ack, RFC 9293
// section 3.10.7.3), or the receiver sent no ack or window yet.
func rstWindow(c *rules.Conn, d rules.Dir) (rcvNxt, win uint32, ok bool) {
	r := &c.Sides[d.Peer()]
	if !(c.Established() || c.Midstream) || !r.HasAck || !r.HasWin {
		return 0, 0, false
	}
	return r.MaxAck, max(r.Win, 1), true
}

// rstIgnored reports whether a RST's seq falls outside the receiver's
// window, so that the receiver ignores it (RFC 5961 section 3.2).
func rstIgnored(c *rules.Conn, d rules.Dir, seg *tcp.Segment) bool {
	if !isRST(seg) || !seg.Has(tcp.KnownSeq) {
		return false
	}
	rcvNxt, win, ok := rstWindow(c, d)
	if !ok {
		return false
	}
	off := seg.Seq - rcvNxt
	return !tcp.SeqLEQ(rcvNxt, seg.Seq) || off >= win
}

// resetBefore reports whether a RST the receiver accepted was seen before
// the current segment.
func (st *connState) resetBefore() bool { return st.v.priorReset }

// unacked is how many payload bytes direction d sent that its peer had not
// acknowledged, counting the ack of seg when the peer sent it.
func unacked(c *rules.Conn, d rules.Dir, segDir rules.Dir, seg *tcp.Segment) uint32 {
	s, peer := &c.Sides[d], &c.Sides[d.Peer()]
	if !s.HasNxt || !peer.HasAck {
		return 0
	}
	acked := peer.MaxAck
	if segDir == d.Peer() && seg.Has(tcp.KnownAck|tcp.KnownFlags) && seg.Flags&tcp.ACK != 0 && tcp.SeqLess(acked, seg.Ack) {
		acked = seg.Ack
	}
	if !tcp.SeqLess(acked, s.Nxt) {
		return 0
	}
	n := s.Nxt - acked
	if s.HasFIN && tcp.SeqLEQ(acked, s.FIN) {
		n-- // the FIN takes one number but is not a byte
	}
	return n
}
