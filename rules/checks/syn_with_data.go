package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var synWithData = &rules.Check{
	ID:      "syn-with-data",
	Title:   "A SYN carries data (TCP Fast Open)",
	Default: rules.Info,
	Doc: `A SYN or SYN-ACK carries payload. With a TCP Fast Open cookie (RFC 7413)
the server may deliver the data before the handshake completes; without one
the data is held until the handshake completes (RFC 9293 section 3.10.7.2)
and often sent again.`,
	Triggers:  `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000:1100, win 65535, options [tfo cookie 0011223344556677], length 100`,
	Passes:    `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, options [tfo cookiereq], length 0`,
	RFC:       "RFC 7413 (TCP Fast Open), RFC 9293 section 3.10.7.2",
	Wireshark: "tcp.analysis.tfo_syn (not compared).",
	SegmentOn: rules.OnSYN,
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg := p.Seg
		if !seg.Has(tcp.KnownFlags) || seg.Flags&tcp.SYN == 0 || seg.PayloadLen == 0 {
			return
		}
		kind := "SYN"
		if seg.Flags&tcp.ACK != 0 {
			kind = "SYN-ACK"
		}
		switch {
		case seg.Options.Has&tcp.OptTFO != 0 && seg.Options.TFOCookieLen > 0:
			p.Reportf("%s from %s carries %s with a %d-byte Fast Open cookie", kind, who(p.Conn, p.Dir), byteCount(seg.PayloadLen), seg.Options.TFOCookieLen)
		default:
			p.Reportf("%s from %s carries %s without a Fast Open cookie", kind, who(p.Conn, p.Dir), byteCount(seg.PayloadLen))
		}
	}),
}
