package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var duplicateAck = &rules.Check{
	ID:      "duplicate-ack",
	Title:   "The same ACK repeated while data is outstanding",
	TitleZh: "数据尚未确认时重复发送相同的 ACK",
	Hint: rules.Texts{Key: "duplicate-ack.hint",
		En: "Read it as: the receiver got data beyond a hole and keeps asking for the missing byte; three in a row trigger a fast retransmission.",
		Zh: "解读：接收方收到了空缺之后的数据，一直在索要缺失的字节；连续三个重复确认会触发快速重传。"},
	Messages: []*rules.Texts{duplicateAckText},
	Default:  rules.Info,
	Doc: `A pure ACK (no data, no SYN, FIN or RST) with the same ack and window as
its sender's previous segment, while the peer has unacknowledged data: the
receiver got a segment beyond a hole and asks again for the missing bytes.
A keep-alive's ACK and a zero-window probe's ACK are not duplicates. Each
duplicate is numbered within its run; param ` + "`threshold`" + ` (default 3, the
fast-retransmit trigger of RFC 5681) is the first number reported.`,
	Triggers: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 1, win 502, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 1, win 502, length 0
10:00:00.000200 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 1, win 502, length 0
10:00:00.000300 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 1, win 502, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 1449, win 502, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 2897, win 502, length 0`,
	RFC:       "RFC 5681 section 2 (definition of a duplicate ACK) and 3.2, RFC 9293 section 3.10.7.4",
	Wireshark: `tcp.analysis.duplicate_ack, numbered like tcp.analysis.duplicate_ack_num. Wireshark flags every duplicate (pcaplint from threshold on) and does not require outstanding data.`,
	Params:    []*rules.Param{dupThreshold},
	Requires:  seq,
	SegmentOn: on(isDupAck),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		v, seg := &st.v, p.Seg
		if v.class&isDupAck == 0 || v.dupNum < p.Param(dupThreshold).Int() {
			return
		}
		pd := p.Dir.Peer()
		peer := &p.Conn.Sides[pd]
		if !peer.HasNxt || !tcp.SeqLess(seg.Ack, peer.Nxt) {
			return
		}
		p.Reportf(duplicateAckText,
			v.dupNum, st.seqOf(pd, seg.Ack), who(p.Conn, p.Dir), byteCount(peer.Nxt-seg.Ack), st.seqOf(pd, peer.Nxt))
	}),
}

// The messages of duplicate-ack, in every language of the reports.
var (
	duplicateAckText = &rules.Texts{Key: "duplicate-ack",
		En: "duplicate ACK #%[1]d of %[2]s from %[3]s, %[4]s outstanding up to %[5]s",
		Zh: "%[3]s 对 %[2]s 的第 %[1]d 个重复确认，到 %[5]s 为止还有 %[4]s 未确认"}
)

// dupThreshold is duplicate-ack's first duplicate number reported.
var dupThreshold = &rules.Param{Name: "threshold", Default: rules.IntValue(3),
	Min: rules.IntValue(1), Max: rules.IntValue(1_000_000), Doc: "first duplicate number reported"}
