package checks

import (
	"fmt"

	"github.com/pcaplint/pcaplint/rules"
)

var spuriousRetransmission = &rules.Check{
	ID:      "spurious-retransmission",
	Title:   "A retransmission of data the receiver had already acknowledged",
	Default: rules.Info,
	Doc: `A retransmission whose whole range the receiver had already acknowledged
(` + "`seq + len ≤ peer.maxAck`" + `): the sender's timer was too short, or the ACK was
lost on the way back after the capture point. Wasted bandwidth, and a hint
that the RTO is below the path's real RTT.

Two more kinds of evidence make a retransmission spurious:

- the SACK blocks of the receiver's latest ACK already held its whole
  range (RFC 2018: the receiver has the bytes; RFC 6675 never resends
  them);
- the receiver answered it with a D-SACK (RFC 2883 section 4: a first
  SACK block at or below the cumulative ACK, or inside the second block)
  covering it: it received the bytes twice. This finding sits on the
  retransmission (the sender's latest), beside the ` + "`retransmission`" + ` or
  ` + "`fast-retransmission`" + ` already reported there, and names the ACK.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100
10:00:00.001000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 101, win 502, length 0
10:00:00.210000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100
10:00:00.210000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100`,
	RFC:       "RFC 3522 and RFC 5682 (detecting spurious retransmissions)",
	Wireshark: `tcp.analysis.spurious_retransmission. Wireshark compares with the receiver's latest ack and also flags segments that do not go back below nxt; pcaplint uses the receiver's highest ack and only judges retransmissions. Wireshark looks at neither SACK nor D-SACK blocks for this flag: a retransmission of SACKed data, or one a D-SACK answered, is spurious here only.`,
	SegmentOn: on(isSpuriousRetransmission | hasDSACK),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		v, pd := &st.v, p.Dir.Peer()
		if v.class&hasDSACK != 0 {
			m := &v.dsacked
			p.Report(m.pos, m.time, fmt.Sprintf("%s resent %s up to %s, which %s had already received: its D-SACK at %s says so",
				who(p.Conn, pd), byteCount(m.end-m.seq), st.seqOf(pd, m.end), who(p.Conn, p.Dir), where(p.Seg.Pos)))
		}
		switch {
		case v.class&isSpuriousRetransmission == 0:
		case v.sacked:
			p.Reportf("%s resends %s, which the receiver's latest ACK already SACKed", who(p.Conn, p.Dir), st.what(p.Dir, p.Seg))
		default:
			p.Reportf("%s resends %s, already acknowledged up to %s", who(p.Conn, p.Dir), st.what(p.Dir, p.Seg), st.seqOf(p.Dir, p.Conn.Sides[pd].MaxAck))
		}
	}),
}
