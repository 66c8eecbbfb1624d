package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

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
