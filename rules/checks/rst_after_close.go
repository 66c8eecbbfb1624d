package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var rstAfterClose = &rules.Check{
	ID:      "rst-after-close",
	Title:   "A RST after both FINs",
	Default: rules.Info,
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
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		c, seg := p.Conn, p.Seg
		if !isRST(seg) || !(c.Sides[0].HasFIN && c.Sides[1].HasFIN) || rstIgnored(c, p.Dir, seg) {
			return
		}
		p.Reportf("RST from %s after both FINs", who(c, p.Dir))
	}),
}
