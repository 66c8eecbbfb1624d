package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var dataAfterFIN = &rules.Check{
	ID:      "data-after-fin",
	Title:   "Data sent beyond the sender's FIN",
	TitleZh: "发送方在 FIN 之后仍发送数据",
	Hint: rules.Texts{Key: "data-after-fin.hint",
		En: "Read it as: the sender sent data after closing its side with FIN; a broken stack, or two connections mixed.",
		Zh: "解读：发送方用 FIN 关闭了自己这一侧之后又发送了数据；可能是协议栈有缺陷，也可能是两个连接混在了一起。"},
	Messages: []*rules.Texts{dataAfterFINText},
	Default:  rules.Error,
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
	Requires:  seq,
	SegmentOn: on(afterFIN),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg := p.Seg
		s := &p.Conn.Sides[p.Dir]
		if seg.PayloadLen == 0 || !seg.Has(tcp.KnownSeq) || !s.HasFIN {
			return
		}
		if end := seg.Seq + seg.PayloadLen; tcp.SeqLess(s.FIN, end) {
			p.Reportf(dataAfterFINText,
				who(p.Conn, p.Dir), st.what(p.Dir, seg), byteCount(end-s.FIN), st.seqOf(p.Dir, s.FIN))
		}
	}),
}

// The messages of data-after-fin, in every language of the reports.
var (
	dataAfterFINText = &rules.Texts{Key: "data-after-fin",
		En: "%[1]s sends %[2]s, %[3]s beyond its FIN at seq %[4]s",
		Zh: "%[1]s 发送了%[2]s，超出它在序列号 %[4]s 处的 FIN 共 %[3]s"}
)
