package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var connectionRefused = &rules.Check{
	ID:      "connection-refused",
	Title:   "A SYN was answered by RST",
	TitleZh: "SYN 包被 RST 应答",
	Hint: rules.Texts{Key: "connection-refused.hint",
		En: "Read it as: nothing accepted the connection on that port; check that the server runs and listens there.",
		Zh: "解读：该端口上没有程序接受连接；检查服务器端程序是否在运行并监听该端口。"},
	Messages: []*rules.Texts{connectionRefusedText},
	Default:  rules.Info,
	Doc: `The server answered the client's SYN with a RST (Zeek ` + "`REJ`" + `): no process
listens on the port, or a firewall rejects the connection. The message gives
the time from the first SYN to the RST.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.81: Flags [S], seq 1000, win 65535, length 0
10:00:00.000050 IP 10.0.0.2.81 > 10.0.0.1.40000: Flags [R.], seq 0, ack 1001, win 0, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 65535, length 0`,
	RFC:       "RFC 9293 section 3.10.7.1 (a segment to a CLOSED port is answered by RST)",
	Wireshark: "none: Wireshark's expert info notes every RST (tcp.connection.rst) but does not tell refusal apart.",
	SegmentOn: rules.OnRST,
	Segment: func(p *rules.Pass) {
		c := p.Conn
		cl, sv := &c.Sides[rules.FromClient], &c.Sides[rules.FromServer]
		if !isRST(p.Seg) || p.Dir != rules.FromServer || cl.SYNs == 0 || sv.SYNs > 0 || sv.RST || c.Established() {
			return
		}
		p.Reportf(connectionRefusedText, who(c, rules.FromServer), elapsed(c, p.Seg.Time.Sub(c.SYNTime)))
	},
}

// The messages of connection-refused, in every language of the reports.
var (
	connectionRefusedText = &rules.Texts{Key: "connection-refused",
		En: "SYN to %[1]s answered by RST after %[2]s (Zeek REJ)",
		Zh: "发往 %[1]s 的 SYN 包在 %[2]s 后收到 RST（Zeek REJ）"}
)
