package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/rules"
)

var outOfOrder = &rules.Check{
	ID:      "out-of-order",
	Title:   "A segment arrived after higher ones and filled a hole",
	Default: rules.Info,
	Doc: `A segment below its sender's nxt (` + "`seq < nxt`" + `) whose range was never sent
before: it fills a hole that a later segment opened, and it arrives within
the reorder window of the highest segment. The network reordered the two
(multipath, link aggregation, a retransmission queue in a middlebox).

Param ` + "`window`" + ` (default 0: the handshake RTT when known, else 3 ms) is the
reorder window; it also bounds how long ` + "`seq-gap`" + ` waits for a hole to fill.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1449:2897, ack 1, win 502, length 1448
10:00:00.000010 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 1:1449, ack 1, win 502, length 1448`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 1:1449, ack 1, win 502, length 1448
10:00:00.000010 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1449:2897, ack 1, win 502, length 1448`,
	RFC:       "RFC 9293 section 3.10.7.4 (segments beyond RCV.NXT are held for later processing), RFC 4737 (reordering metrics)",
	Wireshark: `tcp.analysis.out_of_order. Wireshark calls any segment below nxt out-of-order when it comes within the window and does not end at nxt, even if it was sent before (a quick retransmission); pcaplint requires it to fill a hole. Wireshark also lets a RST beyond nxt (an out-of-window RST) move nxt, so the data that follows such a RST looks out-of-order to it; pcaplint does not move nxt on a RST.`,
	Params:    []rules.Param{{Name: "window", Default: time.Duration(0), Doc: "reorder window (0: handshake RTT, else 3ms)"}},
	SegmentOn: rules.OnNew | on(isOutOfOrder),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		// Read at the connection's first segment: the analysis of the
		// next ones uses it.
		if p.IsNew {
			st.window = durationParam(p, "window")
		}
		if st.v.class&isOutOfOrder == 0 {
			return
		}
		p.Reportf("%s sends %s %s after reaching nxt %s: filled a hole",
			who(p.Conn, p.Dir), st.what(p.Dir, p.Seg), dur(st.v.since), st.seqOf(p.Dir, st.v.nxt))
	}),
}
