package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// tsMark is what a receiver applying PAWS knows of a sender's TSvals:
// TS.Recent, the TSval of the latest segment that was in order when it
// arrived (RFC 7323 section 4.3), and when the sender's previous segment
// came. Reporting a regression adopts the lower value, so that a clock
// step is reported once, not at every later segment.
type tsMark struct {
	recent uint32
	at     time.Time
	set    bool
}

// tsMarks are the tsMark of each direction of a connection: the state of
// timestamp-regression, taken at the first timestamp.
var tsMarks = rules.NewCheckState[[2]tsMark]("timestamp-regression")

var timestampRegression = &rules.Check{
	ID:      "timestamp-regression",
	Title:   "A sender's TSval went backwards",
	TitleZh: "发送方的 TSval 倒退了",
	Hint: rules.Texts{Key: "timestamp-regression.hint",
		En: "Read it as: the sender's timestamp clock went backwards; the receiver's PAWS test (RFC 7323 section 5) would drop the segment as an old duplicate.",
		Zh: "解读：发送方的时间戳时钟倒退了；接收方的 PAWS 检查（RFC 7323 第 5 节）会把这个报文段当作旧的重复报文段丢弃。"},
	Messages: []*rules.Texts{tsRegressionText},
	Default:  rules.Info,
	Doc: `A segment's timestamp value (TSval, RFC 7323) is below TS.Recent, in serial
arithmetic: the TSval of the sender's latest segment that was in order when it
came (its seq at or below the highest ack the receiver had sent; RFC 7323
section 4.3). TSval clocks only move forward; a receiver applying PAWS
(RFC 7323 section 5.3, R1) drops such a segment as an old duplicate. A
segment that was merely reordered passes: the later segments that overtook it
were beyond the receiver's ack, so they did not move TS.Recent. Seen with
load balancers that mix
hosts behind one address, and with NAT of several clients with unsynchronised
clocks. SYN and RST segments are not checked, nor a pure ACK that comes
within the reorder window (the handshake RTT, at least 3 ms) of the previous
segment: ACKs sent moments apart are often captured out of order on
loopback and multi-queue interfaces, which is no fault of the sender.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, options [nop,nop,TS val 5000 ecr 10], length 100
10:00:00.010000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 101:201, ack 1, win 502, options [nop,nop,TS val 4000 ecr 10], length 100`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, options [nop,nop,TS val 5000 ecr 10], length 100
10:00:00.010000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 101:201, ack 1, win 502, options [nop,nop,TS val 5010 ecr 10], length 100`,
	RFC:       "RFC 7323 section 5 (PAWS), RFC 1982 (serial comparison)",
	Wireshark: "none",
	Requires:  seq,
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg := p.Seg
		if !seg.Has(tcp.KnownOptions|tcp.KnownFlags) || seg.Options.Has&tcp.OptTimestamp == 0 || seg.Flags&(tcp.SYN|tcp.RST) != 0 {
			return
		}
		m := &tsMarks.Of(p.Conn)[p.Dir]
		ts := seg.Options.TSVal
		window := max(st.reorderWindow(p.Conn), defaultReorderWindow)
		reordered := seg.PayloadLen == 0 && seg.Flags&tcp.FIN == 0 && tcp.Elapsed(m.at, seg.Time) <= window
		regressed := m.set && tcp.SeqLess(ts, m.recent)
		if regressed && !reordered {
			p.Reportf(tsRegressionText, ts, who(p.Conn, p.Dir), m.recent-ts, m.recent)
		}
		// RFC 7323 section 4.3: TS.Recent takes a TSval that is not older,
		// from a segment at or below Last.ACK.sent — here the highest ack
		// the receiver was seen to send; without one, every segment.
		rcv := &p.Conn.Sides[p.Dir.Peer()]
		inOrder := !rcv.HasAck || !tcp.SeqLess(rcv.MaxAck, seg.Seq)
		if !m.set || (inOrder && !regressed) || (regressed && !reordered) {
			m.recent = ts
		}
		m.set, m.at = true, seg.Time
	}),
}

// The messages of timestamp-regression, in every language of the reports.
var (
	tsRegressionText = &rules.Texts{Key: "timestamp-regression",
		En: "TSval %[1]d from %[2]s is %[3]d below TS.Recent %[4]d: PAWS would drop the segment",
		Zh: "%[2]s 发出的 TSval %[1]d 比 TS.Recent %[4]d 小 %[3]d：PAWS 会丢弃这个报文段"}
)
