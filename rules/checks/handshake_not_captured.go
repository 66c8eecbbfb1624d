package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// synAckSeen is where a connection's first captured segment, a SYN-ACK,
// was: handshake-not-captured reports it at the end, unless
// one-direction-captured explains the missing SYN.
type synAckSeen struct {
	pos tcp.Pos
	at  time.Time
}

// synAckFirst is handshake-not-captured's state, taken only by a
// connection whose first segment is a SYN-ACK.
var synAckFirst = rules.NewCheckState[synAckSeen]("handshake-not-captured")

var handshakeNotCaptured = &rules.Check{
	ID:      "handshake-not-captured",
	Title:   "The capture starts in the middle of a connection",
	TitleZh: "抓包从连接中途开始",
	Hint: rules.Texts{Key: "handshake-not-captured.hint",
		En: "Read it as: the capture started after the connection opened; relative numbers and the window scale are unknown.",
		Zh: "解读：抓包开始时连接已经建立；相对序列号和窗口扩大因子都无从得知。"},
	Messages: []*rules.Texts{midstreamText, midstreamSeqText, synAckFirstText},
	Default:  rules.Info,
	Doc: `The capture holds segments of a connection but not its SYN: the capture
began after the connection opened. Window scaling, ISNs and the handshake
RTT are then unknown; the sequence checks still run, from the first segment
seen, with sequence numbers relative to it. The client is the sender of the
first segment unless its port is the well-known one. A connection whose first
captured segment is the server's SYN-ACK is reported too: the client's SYN,
and with it the client's options (window scale, SACK permitted, MSS), was
not captured, so window scaling is unknown (RFC 7323 section 2.2: it holds
only when both SYNs carry the option).`,
	Triggers:  `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100`,
	Passes:    `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0`,
	RFC:       "RFC 9293 section 3.5",
	Wireshark: "none: Wireshark marks such streams in tcp.completeness only.",
	Requires:  seq,
	SegmentOn: rules.OnNew,
	End: onEnd(func(p *rules.Pass, st *connState) {
		if f := synAckFirst.Peek(p.Conn); f != nil && !skipsOneDirection(p.Conn, st) {
			p.Report(f.pos, f.at, rules.Say(synAckFirstText, who(p.Conn, rules.FromServer), who(p.Conn, rules.FromClient)))
		}
	}),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg := p.Seg
		if !p.IsNew || !seg.Has(tcp.KnownFlags) {
			return
		}
		if seg.Flags&(tcp.SYN|tcp.ACK|tcp.RST) == tcp.SYN|tcp.ACK {
			*synAckFirst.Of(p.Conn) = synAckSeen{pos: seg.Pos, at: seg.Time}
			return
		}
		if !p.Conn.Midstream {
			return
		}
		var seq rules.Text
		if seg.Has(tcp.KnownSeq) {
			seq = rules.Say(midstreamSeqText, st.seqOf(p.Dir, seg.Seq))
		}
		p.Report(seg.Pos, seg.Time, rules.Say(midstreamText, seg.Flags.String(), who(p.Conn, p.Dir), seq))
	}),
}

// The messages of handshake-not-captured, in every language of the reports.
var (
	midstreamText = &rules.Texts{Key: "handshake-not-captured",
		En: "no SYN captured: the connection starts mid-stream with [%[1]s] from %[2]s%[3]s",
		Zh: "没有抓到 SYN 包：连接从中途开始，第一个报文段是 %[2]s 发出的 [%[1]s]%[3]s"}
	synAckFirstText = &rules.Texts{Key: "handshake-not-captured.syn-ack",
		En: "no SYN captured: the connection starts with the SYN-ACK from %[1]s; the SYN of %[2]s and its options were not captured",
		Zh: "没有抓到 SYN 包：连接从 %[1]s 发出的 SYN-ACK 开始；%[2]s 的 SYN 及其选项没有被抓到"}
	midstreamSeqText = &rules.Texts{Key: "handshake-not-captured.seq",
		En: ", seq %[1]s",
		Zh: "，序列号 %[1]s"}
)
