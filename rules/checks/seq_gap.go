package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var seqGap = &rules.Check{
	ID:      "seq-gap",
	Title:   "A segment starts beyond what its sender sent before",
	TitleZh: "报文段的起点超出了发送方此前发送的范围",
	Hint: rules.Texts{Key: "seq-gap.hint",
		En: "Read it as: bytes are missing before this segment, lost in the network or dropped by the capture.",
		Zh: "解读：这个报文段之前缺少一些字节，可能是网络丢包，也可能是抓包时丢失。"},
	Messages: []*rules.Texts{seqGapText, gapNotCapturedText, gapLostText, gapUnknownText},
	Default:  rules.Warning,
	Doc: `A segment starts beyond its sender's nxt (` + "`nxt < seq`" + `): the bytes in
between were lost before the capture point, or the capture dropped them. The
message gives the number of bytes and the range, and the finding sits on the
segment after the gap. When the receiver has acknowledged past the hole by
the time it is reported, it received the bytes: the message says they were
probably not captured (capture loss, not network loss), as the input's
capture-loss estimate counts them.

The verdict waits for the reorder window (out-of-order's ` + "`window`" + `: the
handshake RTT, else 3 ms): a segment that fills the hole within it was only
reordered (` + "`out-of-order`" + `), and no gap is reported; a segment that fills
it but was sent after a segment above it (its TSval, IP ID or the
receiver's SACK blocks say so) is a ` + "`retransmission`" + `, and the gap is
reported then. A hole still open when the window passes, or when the
connection ends, is reported. But when the segments above the hole carry
a TSval, or an IP ID their sender counts up, a late original can be told
from a resend however late it comes (a queue may hold it back for many
round trips): such a hole stays open past the window. A retransmission
that fills part of it reports that part (the bytes were not seen before
their resend), a late original reports nothing (it was only reordered),
and the rest is reported when the receiver acknowledges past it (the
capture missed it), when a newer gap needs its place (4 are followed per
direction) or at the connection's end. Resent parts that follow one
another make one finding, for the whole run of never-seen bytes (with the
rest of the hole when it is reported with them and the evidence says the
same of both): it is reported once a part comes that does not extend it,
once no open part of its hole lies beside it (a late original filled the
bytes next to it, or the hole closed) or at the connection's end, at the
segment after the gap all the same. RST segments never open a hole. When the
receiver's cumulative ACK stayed below the hole while its SACK blocks held
what follows, the message says the bytes were lost (network loss): a
duplicate ACK whose SACK blocks grow is evidence of loss, not of a capture
gap (RFC 2018).`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 1:1449, ack 1, win 502, length 1448
10:00:00.010000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 2897:4345, ack 1, win 502, length 1448`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 1:1449, ack 1, win 502, length 1448
10:00:00.000010 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 2897:4345, ack 1, win 502, length 1448
10:00:00.000020 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 1449:2897, ack 1, win 502, length 1448`,
	RFC:       "RFC 9293 section 3.4 (sequence numbers), RFC 1982 (serial comparison)",
	Wireshark: `tcp.analysis.lost_segment ("previous segment not captured"), on the same packet. Wireshark flags it at once; pcaplint does not report a hole that an out-of-order segment fills within the reorder window, or later when TSval or IP ID show it a late original. After a clean close or an accepted RST, Wireshark reads a new connection on the same 4-tuple whose SYN was not captured as the old one, and flags its first segments; pcaplint starts a new connection there (port-reuse).`,
	Requires:  seq,
	SegmentOn: on(hasExpiredHoles),
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		for _, h := range st.v.expired { // judged and joined by the analysis
			reportHole(p, st, h)
		}
	}),
	End: onEnd(func(p *rules.Pass, st *connState) {
		gaps := st.v.expired[:0]
		for d := range st.flows {
			if run, ok := st.takeResentRun(rules.Dir(d)); ok {
				gaps = append(gaps, run)
			}
			f := &st.flows[d]
			if f.nHoles == 0 {
				continue
			}
			for _, h := range f.holes[:f.nHoles] {
				if !h.closed {
					gaps = append(gaps, h)
				}
			}
			f.nHoles = 0
		}
		st.v.expired = joinRuns(p.Conn, st, gaps)
		for _, h := range st.v.expired {
			reportHole(p, st, h)
		}
	}),
}

// reportHole reports hole h, judged (joinRuns).
func reportHole(p *rules.Pass, st *connState, h hole) {
	p.Report(h.pos, h.time, rules.Say(seqGapText,
		byteCount(h.hi-h.lo), who(p.Conn, h.dir), st.seqOf(h.dir, h.lo), st.seqOf(h.dir, h.hi), verdictText(p.Conn, h)))
}

// gapVerdict is what the evidence says of a hole's bytes.
type gapVerdict uint8

// What the evidence may say of a hole.
const (
	gapUnjudged    gapVerdict = iota // not yet judged: judge when reported
	gapUnknown                       // lost or not captured
	gapNotCaptured                   // the receiver acknowledged them
	gapLost                          // the receiver SACKed past them
)

// judgeHole says what the evidence says of a hole now: once the receiver
// has acknowledged past it, it received the bytes, so the capture missed
// them (capture loss, not network loss); while its cumulative ACK stays
// below the hole and its SACK blocks (RFC 2018) hold what follows, the
// bytes never reached it (network loss); before either, both may be true.
func judgeHole(c *rules.Conn, st *connState, h hole) gapVerdict {
	if rc := &c.Sides[h.dir.Peer()]; rc.HasAck && tcp.SeqLEQ(h.hi, rc.MaxAck) {
		return gapNotCaptured
	}
	if r := &st.flows[h.dir.Peer()]; r.hasAck && tcp.SeqLEQ(r.lastAck, h.lo) && r.sackedAbove(h.hi) > 0 {
		return gapLost
	}
	return gapUnknown
}

// verdictText words the verdict of hole h, which is judged.
func verdictText(c *rules.Conn, h hole) rules.Text {
	switch h.verdict {
	case gapNotCaptured:
		return rules.Say(gapNotCapturedText, who(c, h.dir.Peer()))
	case gapLost:
		return rules.Say(gapLostText, who(c, h.dir.Peer()))
	}
	return rules.Say(gapUnknownText)
}

// The messages of seq-gap, in every language of the reports.
var (
	seqGapText = &rules.Texts{Key: "seq-gap",
		En: "%[1]s from %[2]s never seen: seq %[3]s up to %[4]s %[5]s",
		Zh: "%[2]s 发出的 %[1]s 从未出现（序列号 %[3]s 到 %[4]s）：%[5]s"}
	gapNotCapturedText = &rules.Texts{Key: "seq-gap.not-captured",
		En: "probably not captured: %[1]s acknowledged them (capture loss, not network loss)",
		Zh: "多半是没有抓到：%[1]s 已经确认了这些字节（抓包丢失，不是网络丢包）"}
	gapLostText = &rules.Texts{Key: "seq-gap.lost",
		En: "lost: %[1]s SACKed what follows but not them (network loss, not capture loss)",
		Zh: "丢包：%[1]s SACK 了其后的数据，却没有 SACK 这些字节（网络丢包，不是抓包丢失）"}
	gapUnknownText = &rules.Texts{Key: "seq-gap.unknown",
		En: "lost or not captured",
		Zh: "可能是丢包，也可能是没有抓到"}
)
