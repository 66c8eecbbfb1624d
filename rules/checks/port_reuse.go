package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var portReuse = &rules.Check{
	ID:      "port-reuse",
	Title:   "A new connection reuses a 4-tuple",
	TitleZh: "新连接复用了一个四元组",
	Hint: rules.Texts{Key: "port-reuse.hint",
		En: "Read it as: a client reused the port pair of an earlier connection; harmless when the old one had closed.",
		Zh: "解读：客户端复用了先前连接的端口对；只要旧连接已经关闭，就没有问题。"},
	Messages: []*rules.Texts{portReuseText, reuseSYNACKFirstText, reuseOutsideText, reuseISNText, reuseSeqText},
	Default:  rules.Info,
	Doc: `A SYN starts a new connection on a 4-tuple whose previous connection is
still in the tracker and closed (FIN both ways, or RST), or still open while
the SYN carries another ISN; or on a 4-tuple whose connection the tracker
retired less than two minutes before (it keeps a tombstone of the 4-tuple).
Once both ends are done with a connection (both FINs acknowledged, or a RST
its receiver accepted: in its window, FINs before it or not; RFC 9293
section 3.10.7.4), a segment without SYN also starts a new connection when
its seq or ack lies outside the old connection's sequence spaces, or its
TSval jumped (back by more than two minutes of a 1 kHz clock, or ahead by
more than such a clock moved since, plus a second): the client reused its
port and the capture missed the new handshake, and ` + "`handshake-not-captured`" + `
says so too. Read as the old connection, its segments would be data after
the FIN or RST, a gap of megabytes and an ACK of data never seen. What the
old connection can still carry stays with it: a retransmission of its data
or FIN, its last ACK again, a RST (` + "`rst-after-close`" + `), and after a RST the
data the other end had in flight, up to the right edge of the window the
resetting end last offered. The tombstone of such a connection keeps
those sequence spans (not its TSvals), so a segment outside them, or a
SYN-ACK, after it was retired is a reuse too. Linux offsets the TS clock by the address pair
alone, so its reuse shows in the sequence numbers only, and its ISNs on one
4-tuple grow by one every 64 ns (RFC 6528): the successor of a connection
that sent faster than that (about 125 Mbit/s over its life) may start
inside the old space, and is then not seen.
Normal for busy clients with few ports; a SYN arriving while the server
still holds the old connection in TIME_WAIT may be answered with an ACK of
the old one (RFC 9293 section 3.10.7.4). A closed connection is retired
once quiet for 5 s after a clean close or a RST, or for two minutes after a
close that left a FIN unacknowledged; a reuse more than two minutes after
that is not seen.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [R.], seq 101, ack 1, win 0, length 0
10:00:01.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 777000, win 65535, length 0`,
	Passes:    `10:00:01.000000 IP 10.0.0.1.40001 > 10.0.0.2.80: Flags [S], seq 777000, win 65535, length 0`,
	RFC:       "RFC 9293 section 3.4.1 (ISN selection and reuse), RFC 6191 (TIME_WAIT reuse with timestamps)",
	Wireshark: "tcp.analysis.reused_ports (not compared: Wireshark also fires on a SYN with the same ISN after a close).",
	Requires:  seq,
	SegmentOn: rules.OnNew,
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		if !p.IsNew || !p.Conn.Reused {
			return
		}
		if p.Capped(p.Seg.Pos) {
			p.Report(p.Seg.Pos, p.Seg.Time, rules.Text{}) // counted in the summary
			return
		}
		seg := p.Seg
		var missed, seq rules.Text
		switch {
		case seg.Has(tcp.KnownFlags) && seg.Flags&(tcp.SYN|tcp.ACK) == tcp.SYN|tcp.ACK:
			missed = rules.Say(reuseSYNACKFirstText)
		case seg.Has(tcp.KnownFlags) && seg.Flags&tcp.SYN == 0:
			missed = rules.Say(reuseOutsideText, who(p.Conn, p.Dir))
		}
		if seg.Has(tcp.KnownSeq) && seg.Has(tcp.KnownFlags) && seg.Flags&tcp.SYN != 0 {
			seq = rules.Say(reuseISNText, st.seqOf(p.Dir, seg.Seq))
		} else if seg.Has(tcp.KnownSeq) {
			seq = rules.Say(reuseSeqText, st.seqOf(p.Dir, seg.Seq))
		}
		p.Reportf(portReuseText, missed, seq)
	}),
}

// The messages of port-reuse, in every language of the reports.
var (
	portReuseText = &rules.Texts{Key: "port-reuse",
		En: "new connection on the 4-tuple of an earlier one%[1]s%[2]s",
		Zh: "新连接复用了先前连接的四元组%[1]s%[2]s"}
	reuseSYNACKFirstText = &rules.Texts{Key: "port-reuse.syn-ack",
		En: ", its SYN not captured: the server's SYN-ACK comes first",
		Zh: "，没有抓到它的 SYN 包：服务器端的 SYN+ACK 包最先出现"}
	reuseOutsideText = &rules.Texts{Key: "port-reuse.outside",
		En: ", its handshake not captured: %[1]s's segment lies outside the closed connection's sequence space or TS clock",
		Zh: "，没有抓到它的三次握手：%[1]s 的报文段落在已关闭连接的序列号空间或时间戳时钟之外"}
	reuseISNText = &rules.Texts{Key: "port-reuse.isn",
		En: ", ISN %[1]s",
		Zh: "，ISN %[1]s"}
	reuseSeqText = &rules.Texts{Key: "port-reuse.seq",
		En: ", seq %[1]s",
		Zh: "，序列号 %[1]s"}
)
