package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var spuriousRetransmission = &rules.Check{
	ID:      "spurious-retransmission",
	Title:   "A retransmission of data the receiver had already acknowledged",
	Default: rules.Info,
	Doc: `A retransmission whose whole range the receiver had already acknowledged
(` + "`seq + len ≤ peer.maxAck`" + `): the sender's timer was too short, or the ACK was
lost on the way back after the capture point. Wasted bandwidth, and a hint
that the RTO is below the path's real RTT.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100
10:00:00.001000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 101, win 502, length 0
10:00:00.210000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100
10:00:00.210000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100`,
	RFC:       "RFC 3522 and RFC 5682 (detecting spurious retransmissions)",
	Wireshark: `tcp.analysis.spurious_retransmission. Wireshark compares with the receiver's latest ack and also flags segments that do not go back below nxt; pcaplint uses the receiver's highest ack and only judges retransmissions.`,
	SegmentOn: on(isSpuriousRetransmission),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		if st.v.class&isSpuriousRetransmission == 0 {
			return
		}
		pd := p.Dir.Peer()
		p.Reportf("%s resends %s, already acknowledged up to %s", who(p.Conn, p.Dir), st.what(p.Dir, p.Seg), st.seqOf(p.Dir, p.Conn.Sides[pd].MaxAck))
	}),
}
