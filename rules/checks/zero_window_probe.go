package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var zeroWindowProbe = &rules.Check{
	ID:      "zero-window-probe",
	Title:   "A one-byte probe of a closed window",
	TitleZh: "对已关闭窗口的 1 字节探测",
	Hint: rules.Texts{Key: "zero-window-probe.hint",
		En: "Read it as: the sender checks whether the receiver's zero window has opened again (RFC 9293 section 3.8.6.1); expected while the window stays closed.",
		Zh: "解读：发送方在探测接收方的零窗口是否已经重新打开（RFC 9293 第 3.8.6.1 节）；窗口关闭期间这是正常的。"},
	Messages: []*rules.Texts{zeroWindowProbeText},
	Default:  rules.Info,
	Doc: `A 1-byte segment at the sender's nxt while the peer's window is 0: the
sender probes whether the window opened (RFC 9293 section 3.8.6.1). It does
not advance nxt: the byte is sent again once the window opens. Linux probes
with a zero-length segment at nxt-1 instead, which is a ` + "`keep-alive`" + ` here as in
Wireshark.`,
	Triggers: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 65536, win 0, length 0
10:00:00.200000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 65536:65537, ack 1, win 502, length 1`,
	Passes: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 65536, win 512, length 0
10:00:00.200000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 65536:65537, ack 1, win 502, length 1`,
	RFC:       "RFC 9293 section 3.8.6.1, RFC 1122 section 4.2.2.17",
	Wireshark: "tcp.analysis.zero_window_probe, with the same rule.",
	SegmentOn: on(isZeroWindowProbe),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		if st.v.class&isZeroWindowProbe == 0 {
			return
		}
		p.Reportf(zeroWindowProbeText,
			who(p.Conn, p.Dir), who(p.Conn, p.Dir.Peer()), st.seqOf(p.Dir, p.Seg.Seq))
	}),
}

// The messages of zero-window-probe, in every language of the reports.
var (
	zeroWindowProbeText = &rules.Texts{Key: "zero-window-probe",
		En: "%[1]s probes the closed window of %[2]s with 1 byte at seq %[3]s",
		Zh: "%[1]s 在序列号 %[3]s 处用 1 字节探测 %[2]s 已关闭的窗口"}
)
