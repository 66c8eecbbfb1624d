package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// resends counts each direction's retransmissions of any kind: the state
// of retransmission, taken at a connection's first.
var resends = rules.NewCheckState[[2]int]("retransmission")

var retransmission = &rules.Check{
	ID:      "retransmission",
	Title:   "A segment resends sequence space already sent",
	TitleZh: "报文段重发了已经发送过的序列号空间（重传）",
	Hint: rules.Texts{Key: "retransmission.hint",
		En: "Read it as: the sender timed out or was told of a loss and sent the bytes again; a few are normal, many mean a lossy path.",
		Zh: "解读：发送方超时或得知丢包后重传了这些字节；少量重传正常，大量重传说明链路丢包严重。"},
	Messages: append([]*rules.Texts{retransmissionFillText, retransmissionText, retransmissionsText}, evidenceTexts...),
	Default:  rules.Info,
	Doc: `A segment with length > 0 (data, or a FIN) whose range was already sent:
` + "`seq < nxt`" + `, and it is not a keep-alive, a zero-window probe or an
out-of-order arrival. Its sender's retransmission timer fired, or it
recovered a loss. Fast and spurious retransmissions are reported by their
own checks and not here; retransmitted SYNs by ` + "`syn-retransmitted`" + `.
A segment that fills a hole is one when its TSval or IP ID is newer than
that of a segment captured above the hole, or, within the reorder window
and without such stamps, when the receiver's SACK blocks or duplicate ACKs
show its sender took the bytes for lost (see ` + "`out-of-order`" + `); the message
names that evidence, and the hole is reported as ` + "`seq-gap`" + `.

Param ` + "`max-per-connection`" + ` (default 0 = no limit): when a connection has
more retransmissions of any kind than this, one warning says so at its end.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100
10:00:00.210000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100
10:00:00.010000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 101:201, ack 1, win 502, length 100`,
	RFC:       "RFC 9293 section 3.8.1, RFC 6298 (retransmission timer)",
	Wireshark: `tcp.analysis.retransmission. Wireshark also sets it on fast and spurious retransmissions (here reported by their own checks) and on retransmitted SYNs (here syn-retransmitted); it calls a resent segment out-of-order when it comes within the reorder window of the highest one, where pcaplint requires it to fill a hole and then asks the segment's TSval, IP ID and the receiver's SACK blocks whether it was sent after the segment that opened the hole (Wireshark guesses by timing: on the recordings of testdata/record/lossy.sh it calls a third of the true retransmissions out-of-order); and it lets a RST move the sender's nxt, so that after a RST beyond nxt (rst-out-of-window) it calls the sender's next segments retransmissions.`,
	Params:    []*rules.Param{retransMax},
	Requires:  seq,
	SegmentOn: on(anyRetransmission),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg, v := p.Seg, &st.v
		if v.class&anyRetransmission == 0 || seg.Flags&tcp.SYN != 0 {
			return
		}
		resends.Of(p.Conn)[p.Dir]++
		switch {
		case v.class&isRetransmission == 0:
		case v.filled:
			p.Reportf(retransmissionFillText,
				who(p.Conn, p.Dir), st.what(p.Dir, seg), st.seqOf(p.Dir, v.nxt), v.fill)
		default:
			p.Reportf(retransmissionText, who(p.Conn, p.Dir), st.what(p.Dir, seg), st.seqOf(p.Dir, v.nxt))
		}
	}),
	End: func(p *rules.Pass) {
		r := resends.Peek(p.Conn)
		if r == nil {
			return
		}
		limit := p.Param(retransMax).Int()
		n := r[0] + r[1]
		if limit > 0 && n > limit {
			p.ReportAtLeast(rules.Warning, p.Conn.LastPos, p.Conn.End,
				rules.Say(retransmissionsText, n, r[0], r[1], limit))
		}
	},
}

// The messages of retransmission, in every language of the reports.
var (
	retransmissionFillText = &rules.Texts{Key: "retransmission.fill",
		En: "%[1]s resends %[2]s, below its nxt %[3]s: filled a hole, sent after a segment above it (%[4]s)",
		Zh: "%[1]s 重传了%[2]s，低于它的 nxt %[3]s：它填补了空缺，发出时间晚于空缺之上的报文段（%[4]s）"}
	retransmissionText = &rules.Texts{Key: "retransmission",
		En: "%[1]s resends %[2]s, below its nxt %[3]s",
		Zh: "%[1]s 重传了%[2]s，低于它的 nxt %[3]s"}
	retransmissionsText = &rules.Texts{Key: "retransmission.max",
		En: "%[1]d retransmissions (client %[2]d, server %[3]d), more than max-per-connection %[4]d",
		Zh: "重传 %[1]d 次（客户端 %[2]d 次，服务器端 %[3]d 次），超过了 max-per-connection 上限 %[4]d"}
)

// retransMax is retransmission's max-per-connection.
var retransMax = &rules.Param{Name: "max-per-connection", Default: rules.IntValue(0),
	Min: rules.IntValue(0), Max: rules.IntValue(1_000_000_000),
	Doc: "retransmissions of any kind a connection may have before a warning (0: no limit)"}
