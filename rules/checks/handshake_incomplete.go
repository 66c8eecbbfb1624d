package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// latestSYN is where the latest segment with SYN each side sent was (the
// client's SYN, the server's SYN-ACK): the state of handshake-incomplete,
// one key a side, so that a connection whose server never answered takes
// only the client's.
var latestSYN = [2]*rules.CheckState[tcp.Pos]{
	rules.NewCheckState[tcp.Pos]("handshake-incomplete: SYN"),
	rules.NewCheckState[tcp.Pos]("handshake-incomplete: SYN-ACK"),
}

var handshakeIncomplete = &rules.Check{
	ID:      "handshake-incomplete",
	Title:   "The three-way handshake never completed",
	TitleZh: "三次握手没有完成",
	Hint: rules.Texts{Key: "handshake-incomplete.hint",
		En: "Read it as: the three-way handshake never finished, so no data could flow; look for a lost SYN-ACK or a server that did not answer.",
		Zh: "解读：三次握手没有完成，数据无法传输；检查 SYN+ACK 包是否丢包，或服务器端是否没有应答。"},
	Messages: []*rules.Texts{synAckUnackedText, synUnansweredText},
	Default:  rules.Warning,
	Doc: `A connection that began with a SYN must complete the three-way handshake
before it carries data. This check fires, when the connection ends, if its
SYN was never answered (Zeek ` + "`S0`" + `: nobody listening behind a silent
firewall, or the reply was lost) or if the SYN-ACK was never acknowledged by
the client (the client gave up, or the ACK was lost). The finding sits on
the last unanswered SYN or SYN-ACK and names the missing step.

Not raised for a SYN answered by RST (that is ` + "`connection-refused`" + `), nor
for connections whose SYN was not captured, nor for one captured in one
direction (` + "`one-direction-captured`" + `).`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0
10:00:01.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 65535, length 0
10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 65535, length 0`,
	RFC:       "RFC 9293 section 3.5 (establishing a connection)",
	Wireshark: "none: Wireshark has no flag for an unfinished handshake (the conversation's completeness field, tcp.completeness, holds the same facts).",
	Requires:  seq,
	SegmentOn: rules.OnSYN,
	Segment: func(p *rules.Pass) {
		// Every segment with SYN counts, as the tracker counts Side.SYNs:
		// a SYN-ACK with RST or FIN set too is odd, but it is what the
		// verdict at the end is about, and the finding must sit on it.
		if !p.Seg.Has(tcp.KnownFlags) || !p.Seg.Flags.Has(tcp.SYN) {
			return
		}
		*latestSYN[p.Dir].Of(p.Conn) = p.Seg.Pos
	},
	End: onEnd(func(p *rules.Pass, st *connState) {
		c := p.Conn
		cl, sv := &c.Sides[rules.FromClient], &c.Sides[rules.FromServer]
		if c.Established() || (cl.SYNs == 0 && sv.SYNs == 0) || skipsOneDirection(c, st) {
			return
		}
		switch {
		case sv.SYNs > 0:
			p.Report(*latestSYN[rules.FromServer].Of(c), c.End, rules.Say(synAckUnackedText, who(c, rules.FromServer)))
		case sv.RST || sv.Packets > 0:
			// Refused, or the SYN-ACK was not captured while the server talked.
		default:
			p.Report(*latestSYN[rules.FromClient].Of(c), c.End, rules.Say(synUnansweredText, who(c, rules.FromClient)))
		}
	}),
}

// The messages of handshake-incomplete, in every language of the reports.
var (
	synAckUnackedText = &rules.Texts{Key: "handshake-incomplete.syn-ack",
		En: "SYN-ACK from %[1]s never acknowledged by the client",
		Zh: "%[1]s 的 SYN+ACK 包一直没有得到客户端的确认"}
	synUnansweredText = &rules.Texts{Key: "handshake-incomplete.syn",
		En: "SYN from %[1]s never answered (Zeek S0)",
		Zh: "%[1]s 的 SYN 包一直没有得到应答（Zeek S0）"}
)
