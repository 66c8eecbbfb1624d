package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// maxWScale is the largest window scale shift (RFC 7323 section 2.3).
const maxWScale = 14

var badOptions = &rules.Check{
	ID:      "bad-options",
	Title:   "TCP options that break the rules",
	TitleZh: "违反规则的 TCP 选项",
	Hint: rules.Texts{Key: "bad-options.hint",
		En: "Read it as: a TCP option breaks the rules of RFC 9293, 7323 or 2018; a buggy stack or middlebox wrote it.",
		Zh: "解读：某个 TCP 选项违反了 RFC 9293、7323 或 2018 的规定，通常是有缺陷的协议栈或中间设备写出的。"},
	Messages: []*rules.Texts{badOptionsText, mssWithoutSYNText, wscaleTooLargeText, optionLengthText, sackInvertedText, sackBeyondText},
	Default:  rules.Warning,
	Doc: `Options a correct stack never sends:

- MSS or window scale on a segment without SYN (RFC 9293 section 3.7.1,
  RFC 7323 section 2.2: they are only meaningful in the handshake);
- a window scale above 14 (RFC 7323 section 2.3: the receiver uses 14);
- a SACK block that is empty or inverted, or that reaches beyond what the
  peer sent (` + "`right > peer.nxt`" + `; D-SACK blocks below the ack are allowed,
  RFC 2883);
- an option whose length byte is wrong for its kind, or runs past the header.`,
	Triggers:  `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 502, options [mss 1460], length 0`,
	Passes:    `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, options [mss 1460,wscale 7], length 0`,
	RFC:       "RFC 9293 section 3.2 and 3.7.1, RFC 7323 section 2, RFC 2018 section 3, RFC 2883",
	Wireshark: "none: Wireshark's expert info notes malformed options (tcp.option.len.invalid) only.",
	Requires:  seq,
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg := p.Seg
		if !seg.Has(tcp.KnownOptions|tcp.KnownFlags) || seg.Options.Has == 0 {
			return
		}
		// probs stays nil, and allocates nothing, unless an option is bad:
		// this runs for nearly every segment.
		var probs []rules.Text
		add := func(msg *rules.Texts, args ...any) { probs = append(probs, rules.Say(msg, args...)) }
		o := &seg.Options
		syn := seg.Flags&tcp.SYN != 0
		if !syn && o.Has&(tcp.OptMSS|tcp.OptWScale) != 0 {
			add(mssWithoutSYNText)
		}
		if syn && o.Has&tcp.OptWScale != 0 && o.WScale > maxWScale {
			add(wscaleTooLargeText, o.WScale, maxWScale)
		}
		if o.Has&tcp.OptMalformed != 0 {
			add(optionLengthText)
		}
		pd := p.Dir.Peer()
		peer := &p.Conn.Sides[pd]
		for _, b := range o.SACKBlocks() {
			switch {
			case !tcp.SeqLess(b.Left, b.Right):
				add(sackInvertedText, st.seqOf(pd, b.Left), st.seqOf(pd, b.Right))
			case peer.HasNxt && tcp.SeqLess(peer.Nxt, b.Right):
				add(sackBeyondText, st.seqOf(pd, b.Left), st.seqOf(pd, b.Right), who(p.Conn, pd), st.seqOf(pd, peer.Nxt))
			}
		}
		if len(probs) > 0 {
			p.Reportf(badOptionsText, series(probs))
		}
	}),
}

// The messages of bad-options, in every language of the reports.
var (
	badOptionsText = &rules.Texts{Key: "bad-options",
		En: "%[1]s",
		Zh: "%[1]s"}
	mssWithoutSYNText = &rules.Texts{Key: "bad-options.no-syn",
		En: "MSS or window scale option on a segment without SYN",
		Zh: "不带 SYN 的报文段携带了 MSS 或窗口扩大选项"}
	wscaleTooLargeText = &rules.Texts{Key: "bad-options.wscale",
		En: "window scale %[1]d, more than %[2]d",
		Zh: "窗口扩大因子为 %[1]d，超过了上限 %[2]d"}
	optionLengthText = &rules.Texts{Key: "bad-options.length",
		En: "an option length is wrong for its kind or runs past the header",
		Zh: "某个选项的长度与其类型不符，或超出了首部"}
	sackInvertedText = &rules.Texts{Key: "bad-options.sack-inverted",
		En: "SACK block %[1]s-%[2]s is empty or inverted",
		Zh: "SACK 块 %[1]s-%[2]s 为空或左右颠倒"}
	sackBeyondText = &rules.Texts{Key: "bad-options.sack-beyond",
		En: "SACK block %[1]s-%[2]s reaches beyond %[3]s's nxt %[4]s",
		Zh: "SACK 块 %[1]s-%[2]s 超出了 %[3]s 的 nxt %[4]s"}
)
