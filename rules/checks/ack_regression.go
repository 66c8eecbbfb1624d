package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var ackRegression = &rules.Check{
	ID:      "ack-regression",
	Title:   "An ACK goes back below the sender's highest ACK",
	Default: rules.Warning,
	Doc: `A segment's ack is below the highest ack its sender sent before, although
the segment is new (not a retransmission, reordered segment or keep-alive,
which legitimately carry an old ack). A pure ACK that arrives within the
reorder window (the handshake RTT, at least 3 ms) of the ACK that raised
the highest ack is taken to be captured out of order, as loopback and
multi-queue captures do, and is not reported. Acknowledgements only move forward
(RFC 9293 section 3.10.7.4: SND.UNA never decreases); a regression means
reordering in the network, a middlebox rewriting numbers, or two stacks
answering for one endpoint. RST segments are not checked.`,
	Triggers: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 2001, win 502, length 0
10:00:00.010000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [P.], seq 1:101, ack 1001, win 502, length 100`,
	Passes: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 1001, win 502, length 0
10:00:00.010000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [P.], seq 1:101, ack 2001, win 502, length 100`,
	RFC:       "RFC 9293 section 3.10.7.4, RFC 1982 (serial comparison)",
	Wireshark: "none",
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg, c := p.Seg, p.Conn
		if !seg.Has(tcp.KnownAck|tcp.KnownFlags) || seg.Flags&(tcp.ACK|tcp.SYN|tcp.RST) != tcp.ACK {
			return
		}
		s := &c.Sides[p.Dir]
		if !s.HasAck || tcp.SeqLess(s.MaxAck, seg.Ack) {
			st.maxAckAt[p.Dir] = seg.Time
			return
		}
		if !tcp.SeqLess(seg.Ack, s.MaxAck) {
			return
		}
		// Pure ACKs sent moments apart can be captured out of order (a
		// multi-queue NIC, or loopback on several CPUs): an older ACK seen
		// after a newer one within the reorder window is no regression.
		window := max(st.reorderWindow(c), defaultReorderWindow)
		if seg.PayloadLen == 0 && seg.Flags&tcp.FIN == 0 && tcp.Elapsed(st.maxAckAt[p.Dir], seg.Time) <= window {
			return
		}
		v := &st.v
		if v.class&(anyRetransmission|isOutOfOrder|isKeepAlive|isZeroWindowProbe) != 0 ||
			(seg.Has(tcp.KnownSeq) && v.hasNxt && tcp.SeqLess(seg.Seq, v.nxt)) {
			return
		}
		pd := p.Dir.Peer()
		p.Reportf("ack %s is %s below the highest ack %s already sent by %s",
			st.seqOf(pd, seg.Ack), byteCount(s.MaxAck-seg.Ack), st.seqOf(pd, s.MaxAck), who(c, p.Dir))
	}),
}
