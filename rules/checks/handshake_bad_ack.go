package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// firstAckChecked is set once the client's first ACK after the SYN-ACK was
// checked: the state of handshake-bad-ack, taken at that ACK.
var firstAckChecked = rules.NewCheckState[bool]("handshake-bad-ack")

var handshakeBadAck = &rules.Check{
	ID:      "handshake-bad-ack",
	Title:   "A handshake segment acknowledges the wrong sequence number",
	TitleZh: "握手报文段的确认号错误",
	Hint: rules.Texts{Key: "handshake-bad-ack.hint",
		En: "Read it as: an acknowledgement in the handshake is not the other side's ISN + 1, so the two ends disagree about where the byte stream starts (a middlebox rewriting numbers, or two connections mixed).",
		Zh: "解读：三次握手中的确认号不等于对方的初始序列号 + 1，两端对字节流起点的理解不一致（可能是中间设备改写了序列号，或两个连接混在一起）。"},
	Messages: []*rules.Texts{synAckBadAckText, firstAckBadAckText},
	Default:  rules.Error,
	Doc: `The SYN-ACK must acknowledge the client's ISN+1, and the client's first ACK
after it must acknowledge the server's ISN+1 (RFC 9293 section 3.5). Any other
number means a middlebox rewrote sequence numbers on one side only, a
SYN-ACK answered a stale SYN, or a stack is broken; the peer answers such a
segment with a RST. A SYN-ACK may also acknowledge the data of a Fast Open
SYN (RFC 7413). Fires on each SYN-ACK with a wrong ack, and on the
client's first ACK after the SYN-ACK.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1002, win 65535, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 65535, length 0`,
	RFC:       "RFC 9293 section 3.5 and 3.10.7.3 (SYN-SENT: an unacceptable ACK is answered by RST)",
	Wireshark: "none: Wireshark shows the relative ack but flags nothing.",
	Requires:  seq,
	SegmentOn: rules.OnSYN | on(beforeEstablished),
	Segment: func(p *rules.Pass) {
		seg, c := p.Seg, p.Conn
		if !seg.Has(tcp.KnownAck) {
			return
		}
		cl, sv := &c.Sides[rules.FromClient], &c.Sides[rules.FromServer]
		switch {
		case isSYNACK(seg) && p.Dir == rules.FromServer && cl.HasISN:
			// With TCP Fast Open the SYN-ACK may acknowledge the SYN's data too.
			if seg.Ack != cl.ISN+1 && !(cl.HasNxt && seg.Ack == cl.Nxt) {
				p.Reportf(synAckBadAckText, seg.Ack, cl.ISN+1)
			}
		case isAckOnly(seg) && p.Dir == rules.FromClient && sv.SYNs > 0 && sv.HasISN && !*firstAckChecked.Of(c):
			*firstAckChecked.Of(c) = true
			if seg.Ack != sv.ISN+1 {
				p.Reportf(firstAckBadAckText, seg.Ack, sv.ISN+1)
			}
		}
	},
}

// The messages of handshake-bad-ack, in every language of the reports.
var (
	synAckBadAckText = &rules.Texts{Key: "handshake-bad-ack.syn-ack",
		En: "SYN-ACK acknowledges %[1]d, expected ISN+1 = %[2]d",
		Zh: "SYN+ACK 包的确认号为 %[1]d，应为 ISN+1 = %[2]d"}
	firstAckBadAckText = &rules.Texts{Key: "handshake-bad-ack.ack",
		En: "first ACK after the SYN-ACK acknowledges %[1]d, expected ISN+1 = %[2]d",
		Zh: "SYN+ACK 之后第一个 ACK 的确认号为 %[1]d，应为 ISN+1 = %[2]d"}
)
