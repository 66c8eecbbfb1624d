package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var teardownIncomplete = &rules.Check{
	ID:      "teardown-incomplete",
	Title:   "A connection ends half-closed or still open",
	TitleZh: "连接结束时处于半关闭或仍未关闭",
	Hint: rules.Texts{Key: "teardown-incomplete.hint",
		En: "Read it as: the log ends before the connection was closed both ways; it may still be open, or half-closed.",
		Zh: "解读：日志结束时连接没有在两个方向上都关闭；它可能仍然打开，或处于半关闭状态。"},
	Messages: []*rules.Texts{halfClosedText, stillOpenText},
	Default:  rules.Info,
	Doc: `A connection that was established (or seen mid-stream) ends in the
capture with only one side's FIN (half-closed: the other side may still
send, or the capture stopped), or with no FIN and no RST (still open when
the capture ended, or when a new connection took its 4-tuple). A RST the
receiver ignored (` + "`rst-out-of-window`" + `) does not close it. Not judged when
segments came without flags (tcpdump -q), nor for a connection captured
in one direction (` + "`one-direction-captured`" + `). Reported once, at
the connection's last segment.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [F.], seq 101, ack 1, win 502, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 102, win 502, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [F.], seq 101, ack 1, win 502, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [F.], seq 1, ack 102, win 502, length 0
10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 2, win 502, length 0`,
	RFC:       "RFC 9293 section 3.6 (half-closed connections)",
	Wireshark: "none: compare tcp.completeness.",
	// The analysis must see every segment to know whether one came without
	// flags (tcpdump -q), which may have hidden a FIN or RST.
	Requires: seq,
	End: onEnd(func(p *rules.Pass, st *connState) {
		c := p.Conn
		if !(c.Established() || c.Midstream) || c.ResetAccepted() || st.flagless || skipsOneDirection(c, st) {
			return
		}
		cf, sf := c.Sides[rules.FromClient].HasFIN, c.Sides[rules.FromServer].HasFIN
		switch {
		case cf && sf:
		case cf || sf:
			from, other := rules.FromClient, rules.FromServer
			if sf {
				from, other = other, from
			}
			p.Reportf(halfClosedText, who(c, from), who(c, other))
		default:
			p.Reportf(stillOpenText, endWhen(p.Why))
		}
	}),
}

// endReason says when the tracker let go of a connection.
// endWhen says when a connection ended, by why it ended: "at the end of
// the capture".
type endWhen rules.EndReason

// In renders when the connection ended in language l.
func (w endWhen) In(l rules.Lang) string {
	zh := l == rules.Chinese
	switch rules.EndReason(w) {
	case rules.EndReplaced:
		if zh {
			return "在新连接占用它的四元组时"
		}
		return "when a new connection took its 4-tuple"
	case rules.EndEvicted:
		if zh {
			return "在连接表溢出时"
		}
		return "when the connection table overflowed"
	case rules.EndRetired:
		if zh {
			return "在它被清理出连接表时"
		}
		return "when it was retired"
	}
	if zh {
		return "直到抓包结束都"
	}
	return "at the end of the capture"
}

// The messages of teardown-incomplete, in every language of the reports.
var (
	halfClosedText = &rules.Texts{Key: "teardown-incomplete.half",
		En: "half-closed: %[1]s sent FIN, %[2]s did not",
		Zh: "半关闭：%[1]s 发送了 FIN，%[2]s 没有"}
	stillOpenText = &rules.Texts{Key: "teardown-incomplete",
		En: "still open %[1]s: no FIN and no RST",
		Zh: "%[1]s仍未关闭：没有 FIN，也没有 RST"}
)
