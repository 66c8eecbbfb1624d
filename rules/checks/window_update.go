package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var windowUpdate = &rules.Check{
	ID:      "window-update",
	Title:   "A pure ACK that only changes the window",
	TitleZh: "只改变窗口大小的纯 ACK（窗口更新）",
	Hint: rules.Texts{Key: "window-update.hint",
		En: "Read it as: the receiver only announces a new window, often after its application read data; nothing is wrong.",
		Zh: "解读：接收方只是通告了新的窗口大小，通常是应用程序读走了数据之后；这并不是问题。"},
	Messages: []*rules.Texts{windowUpdateText},
	Default:  rules.Info,
	Doc: `A pure ACK (no data, no SYN, FIN or RST) at the sender's nxt with the same
ack as its previous segment and a different, non-zero window: the receiver's
application read data and the receiver tells the sender it may send more
(RFC 9293 section 3.8.6.2.2, receiver's silly window avoidance). Often ends
a zero-window episode.`,
	Triggers: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 101, win 0, length 0
10:00:00.100000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 101, win 512, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 101, win 512, length 0
10:00:00.100000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 201, win 512, length 0`,
	RFC:       "RFC 9293 section 3.8.6.2.2, RFC 1122 section 4.2.3.3",
	Wireshark: "tcp.analysis.window_update, with the same rule.",
	Requires:  seq,
	SegmentOn: on(isWindowUpdate),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		if st.v.class&isWindowUpdate == 0 {
			return
		}
		p.Reportf(windowUpdateText,
			who(p.Conn, p.Dir), windowChange(p.Conn, p.Dir, st.v.prevWin, p.Seg.Window), st.seqOf(p.Dir.Peer(), p.Seg.Ack))
	}),
}

// The messages of window-update, in every language of the reports.
var (
	windowUpdateText = &rules.Texts{Key: "window-update",
		En: "%[1]s changes its window %[2]s, ack %[3]s unchanged",
		Zh: "%[1]s 的窗口%[2]s，ack %[3]s 不变"}
)
