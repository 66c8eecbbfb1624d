package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var windowFull = &rules.Check{
	ID:      "window-full",
	Title:   "A segment fills the receiver's window",
	Default: rules.Info,
	Doc: `A data segment (no SYN, FIN or RST) ends exactly at the right edge of the
window the peer advertised: ` + "`seq + len == peer.ack + peer.win`" + `. The sender
must now wait for an ACK: throughput is limited by the receiver's window
(or its application reading slowly), not by the network. Needs the peer's
SYN for its window scale, as Wireshark does.`,
	Triggers: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 1, win 1000, length 0
10:00:00.000100 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:1001, ack 1, win 502, length 1000`,
	Passes: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 1, win 2000, length 0
10:00:00.000100 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:1001, ack 1, win 502, length 1000`,
	RFC:       "RFC 9293 section 3.8.6 (managing the window), RFC 7323 section 2 (window scale)",
	Wireshark: "tcp.analysis.window_full, with the same rule.",
	SegmentOn: on(isWindowFull),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		if st.v.class&isWindowFull == 0 {
			return
		}
		pd := p.Dir.Peer()
		r := &st.flows[pd]
		p.Reportf("%s fills the window of %s: ends at seq %s = ack %s + window %s",
			who(p.Conn, p.Dir), who(p.Conn, pd), st.seqOf(p.Dir, p.Seg.Seq+p.Seg.PayloadLen), st.seqOf(p.Dir, r.lastAck), windowOf(p.Conn, pd, r.win))
	}),
}
