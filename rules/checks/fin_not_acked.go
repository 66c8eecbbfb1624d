package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var finNotAcked = &rules.Check{
	ID:      "fin-not-acked",
	Title:   "A FIN was never acknowledged",
	Default: rules.Warning,
	Doc: `A FIN that the peer never acknowledged (no ack ≥ fin+1) by the end of the
connection or the capture: the peer vanished, the ACK was lost, or the
capture stopped too early. The sender stays in FIN_WAIT_1, CLOSING or
LAST_ACK and retransmits. Not raised when the peer answered with a RST, nor
for a connection captured in one direction (` + "`one-direction-captured`" + `).
The finding sits on the first FIN.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [F.], seq 101, ack 1, win 502, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [F.], seq 101, ack 1, win 502, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 102, win 502, length 0`,
	RFC:       "RFC 9293 section 3.6 (closing a connection)",
	Wireshark: "none",
	SegmentOn: rules.OnFIN,
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg := p.Seg
		if seg.Has(tcp.KnownFlags) && seg.Flags&tcp.FIN != 0 && !p.Conn.Sides[p.Dir].HasFIN {
			st.fins[p.Dir] = seg.Pos
		}
	}),
	End: onEnd(func(p *rules.Pass, st *connState) {
		c := p.Conn
		if skipsOneDirection(c, st) {
			return // the ACKs travel the direction not captured
		}
		for d := rules.FromClient; d <= rules.FromServer; d++ {
			s, peer := &c.Sides[d], &c.Sides[d.Peer()]
			if !s.HasFIN || peer.RST || (peer.HasAck && tcp.SeqLess(s.FIN, peer.MaxAck)) {
				continue
			}
			msg := "FIN from " + who(c, d) + " at seq " + st.seqOf(d, s.FIN) + " never acknowledged: "
			if peer.HasAck {
				msg += "highest ack " + st.seqOf(d, peer.MaxAck) + ", expected " + st.seqOf(d, s.FIN+1)
			} else {
				msg += "no ACK from the " + d.Peer().String()
			}
			p.Report(st.fins[d], c.End, msg)
		}
	}),
}
