package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var windowFull = &rules.Check{
	ID:      "window-full",
	Title:   "A segment fills the receiver's window",
	TitleZh: "报文段填满了接收方的窗口",
	Hint: rules.Texts{Key: "window-full.hint",
		En: "Read it as: the sender has sent all the receiver allows; it must wait for an ACK or a window update before sending more.",
		Zh: "解读：发送方已经发完了接收方允许的全部数据，必须等到 ACK 或窗口更新才能继续发送。"},
	Messages: []*rules.Texts{windowFullText},
	Default:  rules.Info,
	Doc: `A data segment (no SYN, FIN or RST) ends exactly at the right edge of the
window the peer advertised: ` + "`seq + len == peer.ack + peer.win`" + `. The sender
must now wait for an ACK: throughput is limited by the receiver's window
(or its application reading slowly), not by the network. Needs the peer's
SYN for its window scale, as Wireshark does.`,
	Triggers: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 1, win 1000, length 0
10:00:00.000100 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:1001, ack 1, win 502, length 1000`,
	Passes: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 1, win 2000, length 0
10:00:00.000100 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:1001, ack 1, win 502, length 1000`,
	RFC:       "RFC 9293 section 3.8.6 (managing the window), RFC 7323 section 2 (window scale)",
	Wireshark: "tcp.analysis.window_full, with the same rule.",
	Requires:  seq,
	SegmentOn: on(isWindowFull),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		if st.v.class&isWindowFull == 0 {
			return
		}
		pd := p.Dir.Peer()
		r := &st.flows[pd]
		p.Reportf(windowFullText,
			who(p.Conn, p.Dir), who(p.Conn, pd), st.seqOf(p.Dir, p.Seg.Seq+p.Seg.PayloadLen), st.seqOf(p.Dir, r.lastAck), windowOf(p.Conn, pd, r.win))
	}),
}

// The messages of window-full, in every language of the reports.
var (
	windowFullText = &rules.Texts{Key: "window-full",
		En: "%[1]s fills the window of %[2]s: ends at seq %[3]s = ack %[4]s + window %[5]s",
		Zh: "%[1]s 填满了 %[2]s 的窗口：结束于序列号 %[3]s = ack %[4]s + 窗口 %[5]s"}
)
