package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var rstAfterClose = &rules.Check{
	ID:      "rst-after-close",
	Title:   "A RST after both FINs",
	TitleZh: "双方都发送 FIN 之后的 RST",
	Hint: rules.Texts{Key: "rst-after-close.hint",
		En: "Read it as: a reset after a finished close is harmless; it clears state, often because a late segment arrived.",
		Zh: "解读：正常关闭之后的 RST 无害，只是清理状态，常因迟到的报文段引起。"},
	Messages: []*rules.Texts{rstAfterCloseText},
	Default:  rules.Info,
	Doc: `A RST after both sides sent their FIN: an abortive close of a connection
that had finished (SO_LINGER 0 after shutdown), or a RST answering a segment
that arrived after the socket closed. Harmless to the data, but worth knowing
when counting aborts.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [F.], seq 6, ack 1, win 502, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [F.], seq 1, ack 7, win 502, length 0
10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [R], seq 7, win 0, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [F.], seq 6, ack 1, win 502, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [F.], seq 1, ack 7, win 502, length 0
10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 2, win 502, length 0`,
	RFC:       "RFC 9293 section 3.6 (closing), section 3.10.7.4",
	Wireshark: "none",
	SegmentOn: rules.OnRST,
	Segment: func(p *rules.Pass) {
		c, seg := p.Conn, p.Seg
		if !isRST(seg) || !(c.Sides[0].HasFIN && c.Sides[1].HasFIN) || c.RSTIgnored(p.Dir, seg) {
			return
		}
		p.Reportf(rstAfterCloseText, who(c, p.Dir))
	},
}

// The messages of rst-after-close, in every language of the reports.
var (
	rstAfterCloseText = &rules.Texts{Key: "rst-after-close",
		En: "RST from %[1]s after both FINs",
		Zh: "双方都已发送 FIN 之后，%[1]s 又发送了 RST"}
)
