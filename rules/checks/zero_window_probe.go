package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var zeroWindowProbe = &rules.Check{
	ID:      "zero-window-probe",
	Title:   "A probe of a closed window",
	TitleZh: "对已关闭窗口的探测",
	Hint: rules.Texts{Key: "zero-window-probe.hint",
		En: "Read it as: the sender checks whether the receiver's zero window has opened again (RFC 9293 section 3.8.6.1); expected while the window stays closed.",
		Zh: "解读：发送方在探测接收方的零窗口是否已经重新打开（RFC 9293 第 3.8.6.1 节）；窗口关闭期间这是正常的。"},
	Messages: []*rules.Texts{zeroWindowProbeText, zeroWindowProbeEmptyText},
	Default:  rules.Info,
	Doc: `A segment that probes whether a closed window opened, while the peer's
latest window is 0: either 1 byte at the sender's nxt (RFC 9293 section
3.8.6.1), or, as Linux sends it (tcp_xmit_probe_skb), an empty segment at
the peer's ack - 1, snd.una - 1, which the peer must answer with an ACK
carrying its current window. Neither advances nxt: the byte is sent again
once the window opens. Linux's empty probe has the shape of a keep-alive;
it is this check's, not ` + "`keep-alive`" + `'s, when the peer's latest window is 0
(Linux sends no keep-alive while data waits to be sent, and with the
window closed a probe is what the sender is waiting on). tcpdump prints no
seq for an empty segment, so from its text Linux's probe looks like an
ordinary ACK and is not recognised.`,
	Triggers: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 65536, win 0, length 0
10:00:00.200000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 65536:65537, ack 1, win 502, length 1`,
	Passes: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 65536, win 512, length 0
10:00:00.200000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 65536:65537, ack 1, win 502, length 1`,
	RFC:       "RFC 9293 section 3.8.6.1, RFC 1122 section 4.2.2.17",
	Wireshark: "tcp.analysis.zero_window_probe for the 1-byte probe. Wireshark calls Linux's empty probe at the peer's ack - 1 tcp.analysis.keep_alive (its zero-window probe wants 1 byte at nxt, its keep-alive 0 or 1 byte at nxt - 1, whatever the window): pcaplint reports it here and not as keep-alive.",
	Requires:  seq,
	SegmentOn: on(isZeroWindowProbe),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		if st.v.class&isZeroWindowProbe == 0 {
			return
		}
		text := zeroWindowProbeText
		if p.Seg.PayloadLen == 0 {
			text = zeroWindowProbeEmptyText
		}
		p.Reportf(text, who(p.Conn, p.Dir), who(p.Conn, p.Dir.Peer()), st.seqOf(p.Dir, p.Seg.Seq))
	}),
}

// The messages of zero-window-probe, in every language of the reports.
var (
	zeroWindowProbeText = &rules.Texts{Key: "zero-window-probe",
		En: "%[1]s probes the closed window of %[2]s with 1 byte at seq %[3]s",
		Zh: "%[1]s 在序列号 %[3]s 处用 1 字节探测 %[2]s 已关闭的窗口"}
	zeroWindowProbeEmptyText = &rules.Texts{Key: "zero-window-probe.empty",
		En: "%[1]s probes the closed window of %[2]s with an empty segment at seq %[3]s, one below the ack of %[2]s (Linux's probe)",
		Zh: "%[1]s 在序列号 %[3]s（比 %[2]s 的确认号小 1）处用空报文段探测 %[2]s 已关闭的窗口（Linux 的探测方式）"}
)
