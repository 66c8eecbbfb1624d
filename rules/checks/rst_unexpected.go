package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var rstUnexpected = &rules.Check{
	ID:      "rst-unexpected",
	Title:   "A RST aborted an established connection",
	TitleZh: "RST 强制断开了已建立的连接",
	Hint: rules.Texts{Key: "rst-unexpected.hint",
		En: "Read it as: the connection was torn down by a reset instead of FINs; an application crashed, timed out, or closed with unread data.",
		Zh: "解读：连接被 RST 强制断开而不是通过 FIN 正常关闭；可能是应用程序崩溃、超时，或在还有未读数据时关闭了连接。"},
	Messages: []*rules.Texts{rstUnexpectedText},
	Default:  rules.Warning,
	Doc: `A RST ends a connection that completed its handshake (or was seen
mid-stream) and had not exchanged both FINs. The application aborted
(SO_LINGER 0, a crash, close() with unread data), a timeout fired, or a
middlebox killed the connection. The message says who reset it and how
many bytes were still unacknowledged each way: data that may be lost.

Refused connections (` + "`connection-refused`" + `), RSTs after a full close
(` + "`rst-after-close`" + `) and RSTs outside the receiver's window
(` + "`rst-out-of-window`" + `) are not this. Only the first accepted RST counts.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:6, ack 1, win 502, length 5
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [R.], seq 1, ack 1, win 502, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [F.], seq 6, ack 1, win 502, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [F.], seq 1, ack 7, win 502, length 0
10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 2, win 502, length 0`,
	RFC:       "RFC 9293 section 3.10.7.4 (reset processing), section 3.6 (abort)",
	Wireshark: "none: Wireshark notes every RST in expert info (tcp.connection.rst) without telling aborts apart.",
	Requires:  seq,
	SegmentOn: rules.OnRST,
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		c, seg := p.Conn, p.Seg
		if !isRST(seg) || st.resetBefore() || p.IsNew || !(c.Established() || c.Midstream) {
			return
		}
		if c.Sides[0].HasFIN && c.Sides[1].HasFIN || c.RSTIgnored(p.Dir, seg) {
			return
		}
		p.Reportf(rstUnexpectedText, who(c, p.Dir),
			unacked(c, rules.FromClient, p.Dir, seg), unacked(c, rules.FromServer, p.Dir, seg))
	}),
}

// The messages of rst-unexpected, in every language of the reports.
var (
	rstUnexpectedText = &rules.Texts{Key: "rst-unexpected",
		En: "RST from %[1]s with %[2]d bytes unacknowledged from client, %[3]d from server",
		Zh: "%[1]s 发送 RST 断开连接，此时客户端有 %[2]d 字节、服务器端有 %[3]d 字节尚未被确认"}
)
