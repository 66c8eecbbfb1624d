package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var dataAfterFIN = &rules.Check{
	ID:      "data-after-fin",
	Title:   "Data sent beyond the sender's FIN",
	Default: rules.Error,
	Doc: `A segment carries data beyond its sender's FIN (` + "`seq + len > fin`" + `). The FIN
marks the end of the sender's stream (RFC 9293 section 3.6): after it there
is no more data, and a receiver drops or resets on such bytes. A broken
stack, a middlebox splicing connections, or two connections on one 4-tuple.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [F.], seq 101, ack 1, win 502, length 0
10:00:00.000100 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 102:112, ack 1, win 502, length 10`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 91:101, ack 1, win 502, length 10
10:00:00.000100 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [F.], seq 101, ack 1, win 502, length 0`,
	RFC:       "RFC 9293 section 3.6 and 3.10.7.4 (eighth step)",
	Wireshark: "none",
	SegmentOn: on(afterFIN),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg := p.Seg
		s := &p.Conn.Sides[p.Dir]
		if seg.PayloadLen == 0 || !seg.Has(tcp.KnownSeq) || !s.HasFIN {
			return
		}
		if end := seg.Seq + seg.PayloadLen; tcp.SeqLess(s.FIN, end) {
			p.Reportf("%s sends %s, %s beyond its FIN at seq %s",
				who(p.Conn, p.Dir), st.what(p.Dir, seg), byteCount(end-s.FIN), st.seqOf(p.Dir, s.FIN))
		}
	}),
}
