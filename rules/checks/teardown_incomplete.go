package checks

import (
	"github.com/pcaplint/pcaplint/rules"
)

var teardownIncomplete = &rules.Check{
	ID:      "teardown-incomplete",
	Title:   "A connection ends half-closed or still open",
	Default: rules.Info,
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
	// The analysis must see every segment to know whether a RST was accepted.
	End: onEnd(func(p *rules.Pass, st *connState) {
		c := p.Conn
		if !(c.Established() || c.Midstream) || st.reset || st.flagless || skipsOneDirection(c, st) {
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
			p.Reportf("half-closed: %s sent FIN, %s did not", who(c, from), who(c, other))
		default:
			p.Reportf("still open %s: no FIN and no RST", endReason(p.Why))
		}
	}),
}

// endReason says when the tracker let go of a connection.
func endReason(why rules.EndReason) string {
	switch why {
	case rules.EndReplaced:
		return "when a new connection took its 4-tuple"
	case rules.EndEvicted:
		return "when the connection table overflowed"
	case rules.EndRetired:
		return "when it was retired"
	}
	return "at the end of the capture"
}
