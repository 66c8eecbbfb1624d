package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var fastRetransmission = &rules.Check{
	ID:      "fast-retransmission",
	Title:   "A retransmission triggered by duplicate ACKs",
	TitleZh: "由重复确认触发的快速重传",
	Hint: rules.Texts{Key: "fast-retransmission.hint",
		En: "Read it as: duplicate ACKs told the sender a segment was lost, and it resent it without waiting for a timeout.",
		Zh: "解读：重复确认让发送方得知有报文段丢失，它没有等待超时就立即重传。"},
	Messages: []*rules.Texts{fastRetransmissionText},
	Default:  rules.Info,
	Doc: `A retransmission that starts at the sequence number the receiver kept
acknowledging, within 20 ms of at least two duplicate ACKs of it: the
sender recovered a loss by fast retransmit (RFC 5681 section 3.2) instead
of waiting for its timer. A sign of loss, handled well.`,
	Triggers: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 1, win 502, options [sack 1 {1449:2897}], length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 1, win 502, options [sack 1 {1449:4345}], length 0
10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 1:1449, ack 1, win 502, length 1448`,
	Passes:    `10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 1:1449, ack 1, win 502, length 1448`,
	RFC:       "RFC 5681 section 3.2 (fast retransmit), RFC 6675 (SACK loss recovery)",
	Wireshark: "tcp.analysis.fast_retransmission, with the same rule (two duplicate ACKs of the seq, within 20 ms).",
	Requires:  seq,
	SegmentOn: on(isFastRetransmission),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		if st.v.class&isFastRetransmission == 0 {
			return
		}
		r := &st.flows[p.Dir.Peer()]
		p.Reportf(fastRetransmissionText, who(p.Conn, p.Dir), st.what(p.Dir, p.Seg), r.dupAcks)
	}),
}

// The messages of fast-retransmission, in every language of the reports.
var (
	fastRetransmissionText = &rules.Texts{Key: "fast-retransmission",
		En: "%[1]s resends %[2]s after %[3]d duplicate ACKs of it",
		Zh: "%[1]s 在收到 %[3]d 个重复确认后重传了%[2]s"}
)
