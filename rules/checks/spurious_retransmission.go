package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var spuriousRetransmission = &rules.Check{
	ID:      "spurious-retransmission",
	Title:   "A retransmission of data the receiver had already acknowledged",
	TitleZh: "重传了接收方已经收到的数据（虚假重传）",
	Hint: rules.Texts{Key: "spurious-retransmission.hint",
		En: "Read it as: the bytes had already arrived; the sender's timer was too short or the ACK was slow.",
		Zh: "解读：这些字节其实早已到达；发送方的重传计时器太短，或确认来得太慢。"},
	Messages: []*rules.Texts{dsackText, spuriousSACKedText, spuriousAckedText},
	Default:  rules.Info,
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
	Requires:  seq,
	SegmentOn: on(isSpuriousRetransmission | hasDSACK),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		v, pd := &st.v, p.Dir.Peer()
		if v.class&hasDSACK != 0 {
			m := &st.x.dsacked
			p.Report(m.pos, m.time, rules.Say(dsackText,
				who(p.Conn, pd), byteCount(m.end-m.seq), st.seqOf(pd, m.end), who(p.Conn, p.Dir), where(p.Seg.Pos)))
		}
		switch {
		case v.class&isSpuriousRetransmission == 0:
		case v.sacked:
			p.Reportf(spuriousSACKedText, who(p.Conn, p.Dir), st.what(p.Dir, p.Seg))
		default:
			p.Reportf(spuriousAckedText, who(p.Conn, p.Dir), st.what(p.Dir, p.Seg), st.seqOf(p.Dir, p.Conn.Sides[pd].MaxAck))
		}
	}),
}

// The messages of spurious-retransmission, in every language of the reports.
var (
	dsackText = &rules.Texts{Key: "spurious-retransmission.dsack",
		En: "%[1]s resent %[2]s up to %[3]s, which %[4]s had already received: its D-SACK at %[5]s says so",
		Zh: "%[1]s 重传了到 %[3]s 为止的 %[2]s，而 %[4]s 早已收到：它在%[5]s的 D-SACK 表明了这一点"}
	spuriousSACKedText = &rules.Texts{Key: "spurious-retransmission.sacked",
		En: "%[1]s resends %[2]s, which the receiver's latest ACK already SACKed",
		Zh: "%[1]s 重传了%[2]s，而接收方最近的 ACK 已经 SACK 了这些数据"}
	spuriousAckedText = &rules.Texts{Key: "spurious-retransmission",
		En: "%[1]s resends %[2]s, already acknowledged up to %[3]s",
		Zh: "%[1]s 重传了%[2]s，但这些数据已被确认到 %[3]s"}
)
