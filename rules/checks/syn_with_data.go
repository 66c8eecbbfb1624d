package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var synWithData = &rules.Check{
	ID:      "syn-with-data",
	Title:   "A SYN carries data (TCP Fast Open)",
	TitleZh: "SYN 包携带数据（TCP Fast Open）",
	Hint: rules.Texts{Key: "syn-with-data.hint",
		En: "Read it as: TCP Fast Open sends data with the SYN to save a round trip (RFC 7413); without a cookie the server should not take the data yet.",
		Zh: "解读：TCP Fast Open 随 SYN 包发送数据，以节省一个往返时间（RFC 7413）；没有 cookie 时，服务器端还不应接收这些数据。"},
	Messages: []*rules.Texts{synCookieText, synNoCookieText},
	Default:  rules.Info,
	Doc: `A SYN or SYN-ACK carries payload. With a TCP Fast Open cookie (RFC 7413)
the server may deliver the data before the handshake completes; without one
the data is held until the handshake completes (RFC 9293 section 3.10.7.2)
and often sent again.`,
	Triggers:  `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000:1100, win 65535, options [tfo cookie 0011223344556677], length 100`,
	Passes:    `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, options [tfo cookiereq], length 0`,
	RFC:       "RFC 7413 (TCP Fast Open), RFC 9293 section 3.10.7.2",
	Wireshark: "tcp.analysis.tfo_syn (not compared).",
	SegmentOn: rules.OnSYN,
	Segment: func(p *rules.Pass) {
		seg := p.Seg
		if !seg.Has(tcp.KnownFlags) || seg.Flags&tcp.SYN == 0 || seg.PayloadLen == 0 {
			return
		}
		kind := synKind(seg.Flags&tcp.ACK != 0)
		switch {
		case seg.Options.Has&tcp.OptTFO != 0 && seg.Options.TFOCookieLen > 0:
			p.Reportf(synCookieText, kind, who(p.Conn, p.Dir), byteCount(seg.PayloadLen), seg.Options.TFOCookieLen)
		default:
			p.Reportf(synNoCookieText, kind, who(p.Conn, p.Dir), byteCount(seg.PayloadLen))
		}
	},
}

// The messages of syn-with-data, in every language of the reports.
var (
	synCookieText = &rules.Texts{Key: "syn-with-data.cookie",
		En: "%[1]s from %[2]s carries %[3]s with a %[4]d-byte Fast Open cookie",
		Zh: "%[2]s 的 %[1]s携带了 %[3]s数据和 %[4]d 字节的 Fast Open cookie"}
	synNoCookieText = &rules.Texts{Key: "syn-with-data",
		En: "%[1]s from %[2]s carries %[3]s without a Fast Open cookie",
		Zh: "%[2]s 的 %[1]s携带了 %[3]s数据，但没有 Fast Open cookie"}
)

// synKind names a SYN (false) or a SYN-ACK (true).
type synKind bool

// In renders the kind in language l.
func (k synKind) In(l rules.Lang) string {
	switch {
	case l == rules.Chinese && bool(k):
		return "SYN+ACK 包"
	case l == rules.Chinese:
		return "SYN 包"
	case bool(k):
		return "SYN-ACK"
	}
	return "SYN"
}
