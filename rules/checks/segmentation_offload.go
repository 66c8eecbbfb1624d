package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var segmentationOffload = &rules.Check{
	ID:      "segmentation-offload",
	Title:   "Segments larger than the MSS: captured before segmentation offload",
	TitleZh: "报文段大于 MSS：抓包点在分段卸载之前",
	Hint: rules.Texts{Key: "segmentation-offload.hint",
		En: "Read it as: the capture was taken on a host whose NIC (or kernel) cuts large segments into MSS-sized ones after the capture point, or joins them before it; the network saw MSS-sized segments. Nothing is wrong.",
		Zh: "解读：抓包所在的主机由网卡（或内核）在抓包点之后把大报文段切成 MSS 大小，或在抓包点之前把收到的报文段合并；网络上传输的仍是 MSS 大小的报文段。这并不是问题。"},
	Messages: []*rules.Texts{offloadText, offloadBothText},
	Default:  rules.Info,
	Doc: `A connection carries data segments larger than the MSS the receiver
announced in its SYN: the capture was taken on the sending host before
TCP segmentation offload (TSO, or the kernel's GSO) cut them into
MSS-sized segments, or on the receiving host after receive offload (GRO,
LRO) joined them. Both are normal on Linux hosts and veths (and on
loopback when a socket set its MSS below loopback's own); the network
carried segments of at most the MSS. Reported once per
connection, at its end, on the first such segment, with how many there
were, the largest and the MSS. The other checks read such a segment as
the run of MSS-sized segments it stands for: a retransmission, gap or
window edge inside it is judged on its byte range, never on its size, and
an ACK inside it is no regression. The MSS is the one the peer's SYN or
SYN-ACK announced; when the handshake was not captured, or the SYN carried
no MSS option, nothing is reported: a segment's size alone cannot tell an
offloaded segment from one on a link with a large MTU (loopback announces
an MSS of 65495, a jumbo frame's link 8960).`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, options [mss 1460,sackOK,nop,wscale 7], length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 65160, options [mss 1460,sackOK,nop,wscale 7], length 0
10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0
10:00:00.000300 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [P.], seq 1:14601, ack 1, win 510, length 14600`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, options [mss 1460,sackOK,nop,wscale 7], length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 65160, options [mss 1460,sackOK,nop,wscale 7], length 0
10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0
10:00:00.000300 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [P.], seq 1:1461, ack 1, win 510, length 1460`,
	RFC:       "RFC 9293 section 3.7.1 (the MSS option), RFC 6691 (the MSS counts no options)",
	Wireshark: "none: Wireshark notes no segment larger than the MSS.",
	Requires:  seq,
	SegmentOn: on(isOversize),
	Segment: func(p *rules.Pass) {
		if oversize(p.Conn, p.Dir, p.Seg) {
			offloadMarks.Of(p.Conn).add(p.Dir, p.Seg)
		}
	},
	End: func(p *rules.Pass) {
		o := offloadMarks.Peek(p.Conn)
		if o == nil || o.n[0]+o.n[1] == 0 {
			return
		}
		d, c := o.first, p.Conn
		var other rules.Text
		if n := o.n[d.Peer()]; n > 0 {
			other = rules.Say(offloadBothText, who(c, d.Peer()), n, byteCount(o.largest[d.Peer()]), byteCount(uint32(c.Sides[d].MSS)))
		}
		p.Report(o.pos, o.at, rules.Say(offloadText, who(c, d), o.n[d], byteCount(o.largest[d]),
			byteCount(uint32(c.Sides[d.Peer()].MSS)), who(c, d.Peer()), other))
	},
}

// oversize reports whether seg carries more than the MSS its receiver
// announced.
func oversize(c *rules.Conn, d rules.Dir, seg *tcp.Segment) bool {
	mss := c.Sides[d.Peer()].MSS
	return mss != 0 && seg.PayloadLen > uint32(mss)
}

// offloadMark is what segmentation-offload keeps of a connection: per
// direction, how many segments exceeded the peer's MSS and the largest;
// where the first was.
type offloadMark struct {
	n       [2]int
	largest [2]uint32
	first   rules.Dir
	pos     tcp.Pos
	at      time.Time
}

// offloadMarks hold the offloadMark of each connection, taken at its
// first segment larger than the MSS.
var offloadMarks = rules.NewCheckState[offloadMark]("segmentation-offload")

// add counts seg, larger than the MSS its receiver announced.
func (o *offloadMark) add(d rules.Dir, seg *tcp.Segment) {
	if o.n[0]+o.n[1] == 0 {
		o.first, o.pos, o.at = d, seg.Pos, seg.Time
	}
	o.n[d]++
	o.largest[d] = max(o.largest[d], seg.PayloadLen)
}

// The messages of segmentation-offload, in every language of the reports.
var (
	offloadText = &rules.Texts{Key: "segmentation-offload",
		En: "captured before segmentation offload (or after receive offload): %[1]s sent segments of up to %[3]s, above the MSS of %[4]s that %[5]s announced (%[2]d over it)%[6]s",
		Zh: "抓包点在分段卸载之前（或接收合并之后）：%[1]s 发出的报文段最大 %[3]s，超过了 %[5]s 通告的 MSS %[4]s（共 %[2]d 个超过）%[6]s"}
	offloadBothText = &rules.Texts{Key: "segmentation-offload.both",
		En: "; %[1]s too, up to %[3]s against an MSS of %[4]s (%[2]d over it)",
		Zh: "；%[1]s 也是，最大 %[3]s，MSS 为 %[4]s（共 %[2]d 个超过）"}
)
