package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// ackMark remembers the peer's nxt at the last ack-unseen finding, so that
// every later ACK of the same missing bytes is not reported again.
type ackMark struct {
	nxt uint32
	set bool
}

// ackMarks are the ackMark of each direction: the state of ack-unseen,
// taken at a connection's first ACK beyond its peer's nxt.
var ackMarks = rules.NewCheckState[[2]ackMark]("ack-unseen")

var ackUnseen = &rules.Check{
	ID:      "ack-unseen",
	Title:   "An ACK acknowledges bytes never seen in the capture",
	TitleZh: "ACK 确认了抓包中从未出现的字节",
	Hint: rules.Texts{Key: "ack-unseen.hint",
		En: "Read it as: the receiver acknowledges bytes the log never showed, so the capture missed them.",
		Zh: "解读：接收方确认了日志中从未出现的字节，说明抓包漏掉了它们。"},
	Messages: []*rules.Texts{ackUnseenText},
	Default:  rules.Warning,
	Doc: `An ACK acknowledges sequence space the other side never sent in the
capture: ` + "`peer.nxt < ack`" + `. The capture missed the peer's segments
(asymmetric routing, capture drops, an offloading NIC), so the analysis of
that direction is blind. Reported once per stretch of missing data: later
ACKs beyond the same peer nxt are not reported again until the peer sends
more.`,
	Triggers: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [P.], seq 1:101, ack 1, win 502, length 100
10:00:00.010000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 201, win 502, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [P.], seq 1:101, ack 1, win 502, length 100
10:00:00.010000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 101, win 502, length 0`,
	RFC:       "RFC 9293 section 3.10.7.4 (an ACK of something not yet sent is dropped)",
	Wireshark: `tcp.analysis.ack_lost_segment ("ACKed segment that wasn't captured"). Wireshark compares with the highest contiguous sequence number, so it also flags ACKs that cover a hole already reported as lost_segment (seq-gap); and it flags every such ACK where pcaplint reports the first. After a clean close or an accepted RST, Wireshark reads a new connection on the same 4-tuple whose SYN was not captured as the old one, and flags its ACKs; pcaplint starts a new connection there (port-reuse). Wireshark does not move nxt past a retransmission that carries new bytes beyond nxt (a resend of 51:151 after 1:101), so it flags the ACK of those bytes; pcaplint counts them as sent.`,
	Requires:  seq,
	SegmentOn: on(ackBeyondNxt),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg, c := p.Seg, p.Conn
		if !seg.Has(tcp.KnownAck|tcp.KnownFlags) || seg.Flags&tcp.ACK == 0 {
			return
		}
		peer := &c.Sides[p.Dir.Peer()]
		if !peer.HasNxt || !tcp.SeqLess(peer.Nxt, seg.Ack) {
			return
		}
		m := &ackMarks.Of(p.Conn)[p.Dir]
		if m.set && m.nxt == peer.Nxt {
			return
		}
		*m = ackMark{nxt: peer.Nxt, set: true}
		pd := p.Dir.Peer()
		p.Reportf(ackUnseenText,
			st.seqOf(pd, seg.Ack), byteCount(seg.Ack-peer.Nxt), who(c, pd), st.seqOf(pd, peer.Nxt))
	}),
}

// The messages of ack-unseen, in every language of the reports.
var (
	ackUnseenText = &rules.Texts{Key: "ack-unseen",
		En: "ack %[1]s is %[2]s beyond %[3]s's nxt %[4]s: acknowledges data never captured",
		Zh: "ack %[1]s 超出 %[3]s 的 nxt %[4]s 共 %[2]s：确认了没有抓到的数据"}
)
