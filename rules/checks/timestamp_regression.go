package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// tsMark is the TSval of a sender's previous segment. Comparing with the
// previous one, not the highest, reports a clock step once.
type tsMark struct {
	last uint32
	at   time.Time
	set  bool
}

var timestampRegression = &rules.Check{
	ID:      "timestamp-regression",
	Title:   "A sender's TSval went backwards",
	Default: rules.Info,
	Doc: `A segment's timestamp value (TSval, RFC 7323) is below the TSval of its
sender's previous segment, in serial arithmetic. TSval clocks only move forward; a
receiver applying PAWS (RFC 7323 section 5) drops such a segment as an old
duplicate. Seen with reordered segments, with load balancers that mix
hosts behind one address, and with NAT of several clients with unsynchronised
clocks. SYN and RST segments are not checked, nor a pure ACK that comes
within the reorder window (the handshake RTT, at least 3 ms) of the previous
segment: ACKs sent moments apart are often captured out of order on
loopback and multi-queue interfaces, which is no fault of the sender.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, options [nop,nop,TS val 5000 ecr 10], length 100
10:00:00.010000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 101:201, ack 1, win 502, options [nop,nop,TS val 4000 ecr 10], length 100`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, options [nop,nop,TS val 5000 ecr 10], length 100
10:00:00.010000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 101:201, ack 1, win 502, options [nop,nop,TS val 5010 ecr 10], length 100`,
	RFC:       "RFC 7323 section 5 (PAWS), RFC 1982 (serial comparison)",
	Wireshark: "none",
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg := p.Seg
		if !seg.Has(tcp.KnownOptions|tcp.KnownFlags) || seg.Options.Has&tcp.OptTimestamp == 0 || seg.Flags&(tcp.SYN|tcp.RST) != 0 {
			return
		}
		m := &st.tsval[p.Dir]
		ts := seg.Options.TSVal
		window := max(st.reorderWindow(p.Conn), defaultReorderWindow)
		reordered := seg.PayloadLen == 0 && seg.Flags&tcp.FIN == 0 && tcp.Elapsed(m.at, seg.Time) <= window
		if m.set && tcp.SeqLess(ts, m.last) && !reordered {
			p.Reportf("TSval %d from %s is %d below its previous %d: PAWS would drop the segment", ts, who(p.Conn, p.Dir), m.last-ts, m.last)
		}
		*m = tsMark{last: ts, at: seg.Time, set: true}
	}),
}
