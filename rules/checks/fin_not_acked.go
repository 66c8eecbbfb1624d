package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// finPositions are where each direction's first FIN was: the state of
// fin-not-acked, taken at the first FIN.
var finPositions = rules.NewCheckState[[2]tcp.Pos]("fin-not-acked")

var finNotAcked = &rules.Check{
	ID:      "fin-not-acked",
	Title:   "A FIN was never acknowledged",
	TitleZh: "FIN 一直没有被确认",
	Hint: rules.Texts{Key: "fin-not-acked.hint",
		En: "Read it as: the other side never confirmed the FIN, so the close did not finish in the log.",
		Zh: "解读：对方从未确认这个 FIN，日志中关闭过程没有完成。"},
	Messages: []*rules.Texts{finNotAckedText, finHighestAckText, finNoAckText},
	Default:  rules.Warning,
	Doc: `A FIN that the peer never acknowledged (no ack ≥ fin+1) by the end of the
connection or the capture: the peer vanished, the ACK was lost, or the
capture stopped too early. The sender stays in FIN_WAIT_1, CLOSING or
LAST_ACK and retransmits. Not raised when the peer answered with a RST, nor
for a connection captured in one direction (` + "`one-direction-captured`" + `).
The finding sits on the first FIN.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [F.], seq 101, ack 1, win 502, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [F.], seq 101, ack 1, win 502, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 102, win 502, length 0`,
	RFC:       "RFC 9293 section 3.6 (closing a connection)",
	Wireshark: "none",
	Requires:  seq,
	SegmentOn: rules.OnFIN,
	Segment: func(p *rules.Pass) {
		seg := p.Seg
		if seg.Has(tcp.KnownFlags) && seg.Flags&tcp.FIN != 0 && !p.Conn.Sides[p.Dir].HasFIN {
			finPositions.Of(p.Conn)[p.Dir] = seg.Pos
		}
	},
	End: onEnd(func(p *rules.Pass, st *connState) {
		c := p.Conn
		if skipsOneDirection(c, st) {
			return // the ACKs travel the direction not captured
		}
		for d := rules.FromClient; d <= rules.FromServer; d++ {
			s, peer := &c.Sides[d], &c.Sides[d.Peer()]
			if !s.HasFIN || peer.RST || (peer.HasAck && tcp.SeqLess(s.FIN, peer.MaxAck)) {
				continue
			}
			why := rules.Say(finNoAckText, d.Peer())
			if peer.HasAck {
				why = rules.Say(finHighestAckText, st.seqOf(d, peer.MaxAck), st.seqOf(d, s.FIN+1))
			}
			p.Report(finPositions.Of(c)[d], c.End, rules.Say(finNotAckedText, who(c, d), st.seqOf(d, s.FIN), why))
		}
	}),
}

// The messages of fin-not-acked, in every language of the reports.
var (
	finNotAckedText = &rules.Texts{Key: "fin-not-acked",
		En: "FIN from %[1]s at seq %[2]s never acknowledged: %[3]s",
		Zh: "%[1]s 在序列号 %[2]s 处发出的 FIN 一直没有被确认：%[3]s"}
	finHighestAckText = &rules.Texts{Key: "fin-not-acked.highest",
		En: "highest ack %[1]s, expected %[2]s",
		Zh: "最高确认号为 %[1]s，应为 %[2]s"}
	finNoAckText = &rules.Texts{Key: "fin-not-acked.no-ack",
		En: "no ACK from the %[1]s",
		Zh: "%[1]s没有发出任何 ACK"}
)
