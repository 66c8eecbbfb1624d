package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var synRetransmitted = &rules.Check{
	ID:      "syn-retransmitted",
	Title:   "A SYN or SYN-ACK was sent again",
	TitleZh: "SYN 或 SYN+ACK 包被重传",
	Hint: rules.Texts{Key: "syn-retransmitted.hint",
		En: "Read it as: the client had to send its SYN again; the delay between the copies is time the user waited to connect.",
		Zh: "解读：客户端不得不重传 SYN 包；两次之间的间隔就是用户等待连接的时间。"},
	Messages: []*rules.Texts{synAgainText, synAckAgainText},
	Default:  rules.Info,
	Doc: `A SYN (or SYN-ACK) repeated with the same ISN: the first went unanswered
within the sender's retransmission timeout (1 s on Linux, doubling). The
message gives how many times it was sent so far and the delay since the
first, which is the connect latency the user felt.

A SYN with another ISN on the same 4-tuple is a new connection
(` + "`port-reuse`" + `), not a retransmission.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0
10:00:01.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 65535, length 0`,
	RFC:       "RFC 9293 section 3.8.1 (retransmission timeout), RFC 6298 section 2 (initial RTO of 1 s)",
	Wireshark: "tcp.analysis.retransmission on the repeated SYN or SYN-ACK; pcaplint reports it here and not as retransmission.",
	SegmentOn: rules.OnSYN,
	Segment: func(p *rules.Pass) {
		seg, c := p.Seg, p.Conn
		s := &c.Sides[p.Dir]
		if !seg.Has(tcp.KnownSeq) || !s.HasISN || seg.Seq != s.ISN || s.SYNs == 0 {
			return
		}
		switch {
		case isSYN(seg) && p.Dir == rules.FromClient:
			p.Reportf(synAgainText, s.SYNs+1, s.ISN, elapsed(c, seg.Time.Sub(c.SYNTime)))
		case isSYNACK(seg) && p.Dir == rules.FromServer:
			p.Reportf(synAckAgainText, s.SYNs+1, s.ISN, elapsed(c, seg.Time.Sub(c.SYNACKTime)))
		}
	},
}

// The messages of syn-retransmitted, in every language of the reports.
var (
	synAgainText = &rules.Texts{Key: "syn-retransmitted.syn",
		En: "SYN sent %[1]d times with ISN %[2]d, this one %[3]s after the first",
		Zh: "SYN 包（ISN %[2]d）已发送 %[1]d 次，这一次距第一次 %[3]s"}
	synAckAgainText = &rules.Texts{Key: "syn-retransmitted.syn-ack",
		En: "SYN-ACK sent %[1]d times with ISN %[2]d, this one %[3]s after the first",
		Zh: "SYN+ACK 包（ISN %[2]d）已发送 %[1]d 次，这一次距第一次 %[3]s"}
)
