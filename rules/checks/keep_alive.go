package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var keepAlive = &rules.Check{
	ID:      "keep-alive",
	Title:   "A keep-alive probe",
	TitleZh: "保活探测",
	Hint: rules.Texts{Key: "keep-alive.hint",
		En: "Read it as: an idle connection checks that the peer is still there; nothing is wrong.",
		Zh: "解读：空闲的连接在探测对方是否还在；这并不是问题。"},
	Messages: []*rules.Texts{keepAliveText},
	Default:  rules.Info,
	Doc: `A segment of 0 or 1 byte at ` + "`seq = nxt - 1`" + ` without SYN, FIN or RST: a TCP
keep-alive (RFC 1122 section 4.2.3.6) probing an idle peer, which answers
with an ACK of nxt. That ACK is a keep-alive ACK, not a duplicate ACK. The
message gives the time since the sender last sent new data. An empty one
at the peer's ack - 1 while the peer's latest window is 0 is Linux's
zero-window probe, reported as ` + "`zero-window-probe`" + `, not here. tcpdump
prints no seq for a zero-length segment, so from its text such a keep-alive
looks like an ordinary ACK and is not recognised.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100
10:02:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 100, ack 1, win 502, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100
10:02:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0`,
	RFC:       "RFC 1122 section 4.2.3.6 (TCP keep-alives), RFC 9293 section 3.8.4",
	Wireshark: "tcp.analysis.keep_alive, with the same rule, except for Linux's empty zero-window probe (the peer's window 0), which Wireshark calls a keep-alive and pcaplint a zero-window-probe; the answer is Wireshark's tcp.analysis.keep_alive_ack, which pcaplint never calls a duplicate ACK.",
	Requires:  seq,
	SegmentOn: on(isKeepAlive),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		if st.v.class&isKeepAlive == 0 {
			return
		}
		p.Reportf(keepAliveText,
			who(p.Conn, p.Dir), byteCount(p.Seg.PayloadLen), st.seqOf(p.Dir, p.Seg.Seq), elapsed(p.Conn, st.v.since))
	}),
}

// The messages of keep-alive, in every language of the reports.
var (
	keepAliveText = &rules.Texts{Key: "keep-alive",
		En: "keep-alive from %[1]s: %[2]s at seq %[3]s = nxt - 1, %[4]s after its last new segment",
		Zh: "%[1]s 发出保活探测：序列号 %[3]s = nxt - 1 处的 %[2]s，距它上一个新报文段 %[4]s"}
)
