package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var rstOutOfWindow = &rules.Check{
	ID:      "rst-out-of-window",
	Title:   "A RST outside the receiver's window (blind reset)",
	TitleZh: "RST 落在接收窗口之外（盲重置）",
	Hint: rules.Texts{Key: "rst-out-of-window.hint",
		En: "Read it as: the receiver does not accept this reset's sequence number (RFC 5961 section 3): a stale reset, or an attack on the connection.",
		Zh: "解读：接收方不接受这个 RST 的序列号（RFC 5961 第 3 节）：可能是过时的 RST，也可能是针对连接的攻击。"},
	Messages: []*rules.Texts{rstOutOfWindowText},
	Default:  rules.Error,
	Doc: `A RST whose seq is outside the receiver's window ` + "`[rcv.nxt, rcv.nxt + win)`" + `,
where rcv.nxt is the receiver's highest ack and win its latest window. The
receiver ignores it (RFC 5961 section 3.2; if the seq is in the window but
not exactly rcv.nxt it sends a challenge ACK): it is a blind reset attack, or
a RST from a stack that lost track of the connection. The connection is not
treated as reset. Only judged once the handshake completed (or the capture
started mid-stream): a RST answering a SYN is judged by its ack. Nor is
the RST of an end whose FIN its peer acknowledged, without ACK and with a
seq in what that end sent, up to its FIN: a closed port answering a
segment the network delayed past the close (a late original, a spurious
retransmission) as RFC 9293 section 3.10.7.1 says, ` + "`<SEQ=SEG.ACK><CTL=RST>`" + `;
the receiver rightly ignores it, and ` + "`rst-after-close`" + ` notes it.`,
	Triggers: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 101, win 512, length 0
10:00:00.010000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [R], seq 900101, win 0, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 101, win 512, length 0
10:00:00.010000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [R], seq 101, win 0, length 0`,
	RFC:       "RFC 5961 section 3 (blind reset attack), RFC 9293 section 3.10.7.4",
	Wireshark: "none",
	Requires:  seq,
	SegmentOn: rules.OnRST,
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		c, seg := p.Conn, p.Seg
		if !c.RSTIgnored(p.Dir, seg) || closedPortReset(c, p.Dir, seg) {
			return
		}
		rcvNxt, win, _ := c.RSTWindow(p.Dir)
		p.Reportf(rstOutOfWindowText,
			st.seqOf(p.Dir, seg.Seq), who(c, p.Dir), st.seqOf(p.Dir, rcvNxt), win)
	}),
}

// closedPortReset reports whether seg, a RST sent in direction d, comes
// from an end whose FIN its peer acknowledged (its connection is over)
// and answers a stray segment of its peer as a closed port does: no ACK,
// and the seq that segment acknowledged (RFC 9293 section 3.10.7.1), which
// lies in what this end sent, up to its FIN. The stray segment may have
// been sent before the peer's latest, so any such seq will do.
func closedPortReset(c *rules.Conn, d rules.Dir, seg *tcp.Segment) bool {
	s, r := &c.Sides[d], &c.Sides[d.Peer()]
	if !s.HasFIN || !r.HasAck || !tcp.SeqLess(s.FIN, r.MaxAck) || seg.Flags&tcp.ACK != 0 {
		return false
	}
	return tcp.SeqLEQ(seg.Seq, s.FIN) && (!s.HasISN || tcp.SeqLess(s.ISN, seg.Seq))
}

// The messages of rst-out-of-window, in every language of the reports.
var (
	rstOutOfWindowText = &rules.Texts{Key: "rst-out-of-window",
		En: "RST seq %[1]s from %[2]s is outside the receiver's window [%[3]s, +%[4]d bytes): ignored as a blind reset",
		Zh: "%[2]s 发出的 RST 序列号 %[1]s 不在接收窗口 [%[3]s, +%[4]d 字节) 之内：作为盲重置被忽略"}
)
