package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// zeroEpisode is a stretch of time in which a receiver advertised a zero
// window, from its first zero-window segment.
type zeroEpisode struct {
	open bool
	pos  tcp.Pos
	time time.Time
}

// zeroEpisodes are a connection's episodes, one a direction: the state of
// zero-window, taken at the first zero window.
var zeroEpisodes = rules.NewCheckState[[2]zeroEpisode]("zero-window")

var zeroWindow = &rules.Check{
	ID:      "zero-window",
	Title:   "A receiver closed its window",
	TitleZh: "接收方关闭了窗口（零窗口）",
	Hint: rules.Texts{Key: "zero-window.hint",
		En: "Read it as: the receiving application is not reading fast enough; the sender has to wait.",
		Zh: "解读：接收方的应用程序读取太慢，发送方只能等待。"},
	Messages: []*rules.Texts{zeroWindowText, zeroWindowAtEndText},
	Default:  rules.Warning,
	Doc: `A receiver advertises window 0 (on any segment but a RST): its buffer is
full because the application does not read, and the sender must stop. One
finding per episode, on its first zero-window segment, saying how long the
window stayed closed: until the receiver's next non-zero window, or until
the connection ended.

A window closed for less than ` + "`warn-after`" + ` (default 1 s) is reported as info,
whatever the check's severity: the sender paused briefly, as flow control
means it to, and a slow reader for a moment should not fail a build. 1 s
is the least retransmission timeout of RFC 6298 (section 2.4), the time
after which the sender's persist timer (RFC 9293 section 3.8.6.1) starts
probing by the RFCs' numbers: a window shut longer has stalled the
transfer. On real traffic the episodes are either far shorter (on
loopback, 10–100 µs while the reader wakes up) or a stall of the
application (the real zero-window recording: 1.46 s).`,
	Triggers: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 65536, win 0, length 0
10:00:00.500000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 65536, win 512, length 0`,
	Passes:    `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 65536, win 512, length 0`,
	RFC:       "RFC 9293 section 3.8.6.1 (zero-window probing), RFC 1122 section 4.2.2.17",
	Wireshark: `tcp.analysis.zero_window. Wireshark flags every zero-window segment, pcaplint the first of each episode; Wireshark skips SYN and FIN segments, pcaplint only RSTs.`,
	Params:    []*rules.Param{zeroWarnAfter},
	Requires:  seq,
	SegmentOn: on(inZeroWindow),
	Segment: func(p *rules.Pass) {
		seg := p.Seg
		if !seg.Has(tcp.KnownWindow) || isRST(seg) {
			return
		}
		if seg.Window != 0 && zeroEpisodes.Peek(p.Conn) == nil {
			return // no episode was ever open
		}
		ep := &zeroEpisodes.Of(p.Conn)[p.Dir]
		switch {
		case seg.Window == 0 && !ep.open:
			*ep = zeroEpisode{open: true, pos: seg.Pos, time: seg.Time}
		case seg.Window != 0 && ep.open:
			ep.open = false
			held := seg.Time.Sub(ep.time)
			reportEpisode(p, ep, held, rules.Say(zeroWindowText, who(p.Conn, p.Dir), elapsed(p.Conn, held)))
		}
	},
	End: func(p *rules.Pass) {
		eps := zeroEpisodes.Peek(p.Conn)
		if eps == nil {
			return
		}
		for d := rules.FromClient; d <= rules.FromServer; d++ {
			if ep := &eps[d]; ep.open {
				ep.open = false
				held := p.Conn.End.Sub(ep.time)
				reportEpisode(p, ep, held, rules.Say(zeroWindowAtEndText, who(p.Conn, d), elapsed(p.Conn, held)))
			}
		}
	},
}

// reportEpisode reports a zero-window episode held for held: at the
// check's severity from warn-after on, as info below it.
func reportEpisode(p *rules.Pass, ep *zeroEpisode, held time.Duration, msg rules.Text) {
	if held >= p.Param(zeroWarnAfter).Duration() {
		p.Report(ep.pos, ep.time, msg)
		return
	}
	p.ReportAtMost(rules.Info, ep.pos, ep.time, msg)
}

// The messages of zero-window, in every language of the reports.
var (
	zeroWindowText = &rules.Texts{Key: "zero-window",
		En: "%[1]s advertised a zero window for %[2]s",
		Zh: "%[1]s 通告了零窗口，持续 %[2]s"}
	zeroWindowAtEndText = &rules.Texts{Key: "zero-window.at-end",
		En: "%[1]s advertised a zero window, still closed %[2]s later when the connection ended",
		Zh: "%[1]s 通告了零窗口，%[2]s 后连接结束时窗口仍未打开"}
)

// zeroWarnAfter is zero-window's warn-after.
var zeroWarnAfter = &rules.Param{Name: "warn-after", Default: rules.DurationValue(time.Second),
	Min: rules.DurationValue(0), Max: rules.DurationValue(time.Hour),
	Doc: "a window closed longer than this gets the check's severity; a shorter episode is info"}
