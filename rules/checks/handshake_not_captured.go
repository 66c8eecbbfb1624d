package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var handshakeNotCaptured = &rules.Check{
	ID:      "handshake-not-captured",
	Title:   "The capture starts in the middle of a connection",
	Default: rules.Info,
	Doc: `The capture holds segments of a connection but not its SYN: the capture
began after the connection opened. Window scaling, ISNs and the handshake
RTT are then unknown; the sequence checks still run, from the first segment
seen, with sequence numbers relative to it. The client is the sender of the
first segment unless its port is the well-known one.`,
	Triggers:  `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100`,
	Passes:    `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0`,
	RFC:       "RFC 9293 section 3.5",
	Wireshark: "none: Wireshark marks such streams in tcp.completeness only.",
	SegmentOn: rules.OnNew,
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg := p.Seg
		if !p.IsNew || !p.Conn.Midstream || !seg.Has(tcp.KnownFlags) {
			return
		}
		msg := "no SYN captured: the connection starts mid-stream with [" + seg.Flags.String() + "] from " + who(p.Conn, p.Dir)
		if seg.Has(tcp.KnownSeq) {
			msg += ", seq " + st.seqOf(p.Dir, seg.Seq)
		}
		p.Report(seg.Pos, seg.Time, msg)
	}),
}
