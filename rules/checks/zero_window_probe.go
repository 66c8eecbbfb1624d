package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var zeroWindowProbe = &rules.Check{
	ID:      "zero-window-probe",
	Title:   "A one-byte probe of a closed window",
	Default: rules.Info,
	Doc: `A 1-byte segment at the sender's nxt while the peer's window is 0: the
sender probes whether the window opened (RFC 9293 section 3.8.6.1). It does
not advance nxt: the byte is sent again once the window opens. Linux probes
with a zero-length segment at nxt-1 instead, which is a ` + "`keep-alive`" + ` here as in
Wireshark.`,
	Triggers: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 65536, win 0, length 0
10:00:00.200000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 65536:65537, ack 1, win 502, length 1`,
	Passes: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 65536, win 512, length 0
10:00:00.200000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 65536:65537, ack 1, win 502, length 1`,
	RFC:       "RFC 9293 section 3.8.6.1, RFC 1122 section 4.2.2.17",
	Wireshark: "tcp.analysis.zero_window_probe, with the same rule.",
	SegmentOn: on(isZeroWindowProbe),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		if st.v.class&isZeroWindowProbe == 0 {
			return
		}
		p.Reportf("%s probes the closed window of %s with 1 byte at seq %s",
			who(p.Conn, p.Dir), who(p.Conn, p.Dir.Peer()), st.seqOf(p.Dir, p.Seg.Seq))
	}),
}
