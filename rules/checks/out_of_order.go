package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/rules"
)

var outOfOrder = &rules.Check{
	ID:      "out-of-order",
	Title:   "A segment arrived after higher ones and filled a hole",
	TitleZh: "报文段晚于更高序号的报文段到达，填补了空缺",
	Hint: rules.Texts{Key: "out-of-order.hint",
		En: "Read it as: this segment overtook an earlier one on the way (out-of-order), and it fills a hole.",
		Zh: "解读：这个报文段在路上超过了更早的报文段（乱序），填补了一个空缺。"},
	Messages: append([]*rules.Texts{outOfOrderText}, evidenceTexts...),
	Default:  rules.Info,
	Doc: `A segment below its sender's nxt (` + "`seq < nxt`" + `) whose range was never sent
before: it fills a hole that a later segment opened. The network
reordered the two (multipath, link aggregation, priority queues, a
retransmission queue in a middlebox).

A fill is either the original, sent before the segments above the hole
(reordered), or a retransmission, sent after one of them. The packets say
which, and the message names the evidence that decided:

1. ` + "`timestamps`" + `: a TSval older than the oldest of the segments captured
   above the hole means sent before them, a newer one sent after one of
   them (RFC 7323 section 3; equal TSvals, one clock tick apart or less,
   decide nothing);
2. ` + "`IP ID`" + `: with IPv4 and a sender whose IP IDs counted up over its
   last 8 segments (Linux, Windows), an older IP ID means sent before;
3. ` + "`SACK`" + `: the receiver had SACKed more than two segments' worth
   above the fill, so the sender counted it lost (RFC 6675 section 5,
   IsLost) and resent it; ` + "`dup ACKs`" + `: three duplicate ACKs did;
4. ` + "`timing`" + `: only when none of these exists, arriving within the
   reorder window of the highest segment means reordered.

A late original that its TSval or IP ID shows sent first is out-of-order
however late it comes, even after duplicate ACKs of its seq (a queue may
hold a segment back for longer than the reorder window; the analysis
remembers the last 4 holes of each direction, open or already reported,
for this); without such stamps it must come within the reorder window.
A fill sent after a segment above the hole is a ` + "`retransmission`" + `, and its
hole a loss before the capture point (` + "`seq-gap`" + `).

Param ` + "`window`" + ` (default 0: the handshake RTT when known, else 3 ms) is the
reorder window; it also bounds how long ` + "`seq-gap`" + ` waits for a hole to fill
when the segments above it carry no stamps.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1449:2897, ack 1, win 502, length 1448
10:00:00.000010 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 1:1449, ack 1, win 502, length 1448`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 1:1449, ack 1, win 502, length 1448
10:00:00.000010 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1449:2897, ack 1, win 502, length 1448`,
	RFC:       "RFC 9293 section 3.10.7.4 (segments beyond RCV.NXT are held for later processing), RFC 4737 (reordering metrics)",
	Wireshark: `tcp.analysis.out_of_order. Wireshark calls any segment below nxt out-of-order when it comes within the window and does not end at nxt, even if it was sent before (a quick retransmission); pcaplint requires it to fill a hole, and calls a fill whose TSval, IP ID or SACK blocks show it was sent after the segment that opened the hole a retransmission: Wireshark guesses by timing alone, so on a fast path (a fast retransmission within the handshake RTT) it calls retransmissions out-of-order, and behind a queue that holds a segment back for longer than the RTT it calls the late original a retransmission (on the receivers of testdata/record/reorder.sh, 201 of 212 late originals). Wireshark also lets a RST beyond nxt (an out-of-window RST) move nxt, so the data that follows such a RST looks out-of-order to it; pcaplint does not move nxt on a RST.`,
	Params:    []*rules.Param{reorderWindow},
	Requires:  seq,
	SegmentOn: rules.OnNew | on(isOutOfOrder),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		// Read at the connection's first segment: the analysis of the
		// next ones uses it.
		if p.IsNew {
			st.window = p.Param(reorderWindow).Duration()
		}
		if st.v.class&isOutOfOrder == 0 {
			return
		}
		p.Reportf(outOfOrderText,
			who(p.Conn, p.Dir), st.what(p.Dir, p.Seg), elapsed(p.Conn, st.v.since), st.seqOf(p.Dir, st.v.nxt), st.v.fill)
	}),
}

// The messages of out-of-order, in every language of the reports.
var (
	outOfOrderText = &rules.Texts{Key: "out-of-order",
		En: "%[1]s sends %[2]s %[3]s after reaching nxt %[4]s: filled a hole, sent before the segment that opened it (%[5]s)",
		Zh: "%[1]s 在到达 nxt %[4]s 之后 %[3]s 发送了%[2]s：它填补了空缺，发出时间早于造成空缺的报文段（%[5]s）"}
)

// reorderWindow is out-of-order's reorder window.
var reorderWindow = &rules.Param{Name: "window", Default: rules.DurationValue(0),
	Min: rules.DurationValue(0), Max: rules.DurationValue(time.Minute), Doc: "reorder window (0: handshake RTT, else 3ms)"}
