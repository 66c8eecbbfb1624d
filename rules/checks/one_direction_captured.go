package checks

import (
	"strings"

	"github.com/pcaplint/pcaplint/rules"
)

// bothSidesChecks are the checks that judge what one end did with what the
// other sent, and so say nothing true about a connection captured in one
// direction: they skip it, and one-direction-captured names them.
var bothSidesChecks = []string{"handshake-incomplete", "fin-not-acked", "teardown-incomplete"}

var oneDirectionCaptured = &rules.Check{
	ID:      "one-direction-captured",
	Title:   "Only one direction of a connection was captured",
	TitleZh: "连接只抓到了一个方向",
	Hint: rules.Texts{Key: "one-direction-captured.hint",
		En: "Read it as: the capture saw one side only, so the checks that need both directions were skipped; capture where both directions pass.",
		Zh: "解读：抓包只看到了一个方向，需要双向数据的检查都已跳过；请在双向流量都经过的位置抓包。"},
	Messages: []*rules.Texts{oneDirectionText},
	Default:  rules.Info,
	Doc: `Every packet of the connection went one way: its Zeek history has only
upper-case letters (the client's) or only lower-case ones (the server's),
and what the captured end sent shows that the other end answered. The
client acknowledged after its SYN (it had a SYN-ACK), the server sent a
SYN-ACK (it had a SYN), or the captured end acknowledged more and more of
a stream the capture never saw, or sent more new data segments than the
10 a sender may send before its first ACK returns (RFC 6928), so ACKs came. Asymmetric routing, a capture filter on
one host (` + "`src host …`" + `), or a SPAN port mirroring one direction do this.
A SYN nobody answered is not one of them: it stays ` + "`handshake-incomplete`" + `.

The finding says which side is missing, once, when the connection ends.
The checks that need both directions skip such a connection, and the
message lists them: ` + "`handshake-incomplete`" + ` (the SYN-ACK or the client's
ACK is in the other direction), ` + "`fin-not-acked`" + ` (the ACK of a FIN
travels the other way) and ` + "`teardown-incomplete`" + ` (so does the other FIN). Checks of one
direction (retransmission, zero-window, keep-alive, …) still run.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0
10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 5001, win 502, length 0
10:00:00.000300 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1001:1008, ack 5001, win 502, length 7`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0
10:00:01.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0`,
	RFC:       "RFC 9293 section 3.5 (a SYN is answered by a SYN-ACK before the client acknowledges)",
	Wireshark: "none: Wireshark's tcp.completeness shows the same facts; its analysis flags such streams with ACKed-unseen-segment marks.",
	Requires:  seq,
	End: onEnd(func(p *rules.Pass, st *connState) {
		c := p.Conn
		seen, ok := oneDirection(c, st)
		if !ok {
			return
		}
		missing := seen.Peer()
		p.Reportf(oneDirectionText,
			seen, c.History(), who(c, missing), seen, strings.Join(bothSidesChecks, ", "))
	}),
}

// oneDirection reports whether c was captured in one direction only, and
// which: one side sent nothing, and the other side's segments show that
// it heard from its peer (see one-direction-captured).
func oneDirection(c *rules.Conn, st *connState) (seen rules.Dir, ok bool) {
	switch {
	case c.Sides[rules.FromServer].Packets == 0:
		seen = rules.FromClient
	case c.Sides[rules.FromClient].Packets == 0:
		seen = rules.FromServer
	default:
		return 0, false
	}
	s := &c.Sides[seen]
	if !s.HasAck || st.flagless {
		return seen, false // no ACK: it never showed that it heard anything
	}
	switch {
	case seen == rules.FromServer && s.SYNs > 0: // a SYN-ACK answers a SYN
		return seen, true
	case seen == rules.FromClient && s.SYNs > 0: // an ACK after the SYN needs a SYN-ACK
		return seen, true
	}
	// Mid-stream: the peer's stream advanced under the captured end's
	// acknowledgements (the analysis took the first ack as the peer's
	// base), or the captured end sent more new segments than any sender
	// may before an ACK comes back (RFC 6928's initial window).
	peer := &st.flows[seen.Peer()]
	return seen, (peer.hasBase && s.MaxAck != peer.base+1) || st.flows[seen].flights > initialWindow
}

// skipsOneDirection reports whether a check that needs both directions
// should leave c alone, because one-direction-captured reports it.
func skipsOneDirection(c *rules.Conn, st *connState) bool {
	_, ok := oneDirection(c, st)
	return ok
}

// The messages of one-direction-captured, in every language of the reports.
var (
	oneDirectionText = &rules.Texts{Key: "one-direction-captured",
		En: "only the %[1]s's packets were captured (history %[2]s): the %[3]s → %[4]s direction is missing (asymmetric routing, a one-sided capture filter or SPAN); skipped: %[5]s",
		Zh: "只抓到了%[1]s的包（history %[2]s）：缺少 %[3]s → %[4]s 方向（非对称路由、单向的抓包过滤器或 SPAN 镜像）；已跳过：%[5]s"}
)
