package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var ackRegression = &rules.Check{
	ID:      "ack-regression",
	Title:   "An ACK goes back below the sender's highest ACK",
	TitleZh: "ACK 的确认号低于发送方此前的最高确认号",
	Hint: rules.Texts{Key: "ack-regression.hint",
		En: "Read it as: an acknowledgement went backwards; usually ACKs reordered on the way, or a middlebox rewriting numbers.",
		Zh: "解读：确认号倒退了；通常是 ACK 在路上乱序，也可能是中间设备改写了序列号。"},
	Messages: []*rules.Texts{ackRegressionText},
	Default:  rules.Warning,
	Doc: `A segment's ack is below the highest ack its sender sent before, although
the segment is new (not a retransmission, reordered segment or keep-alive,
which legitimately carry an old ack). A pure ACK that arrives within the
reorder window (the handshake RTT, at least 3 ms) of the ACK that raised
the highest ack is taken to be captured out of order, as loopback and
multi-queue captures do, and is not reported, unless its ack is no segment
boundary the peer sent (the end of none of its recent segments): an
earlier ACK acknowledged a whole segment, so ` + "`ack 51`" + ` after ` + "`ack 101`" + `, when the
peer sent 1:101, is no late copy of one. The check remembers the last 16
segment ends of each direction; where a receiver acknowledges inside the
segments captured (segmentation offload at the capture point, ACKs every
two MSS of a 64 KB super-segment) it stops telling boundaries apart for
that direction and keeps to the window. Acknowledgements only move forward
(RFC 9293 section 3.10.7.4: SND.UNA never decreases); a regression means
reordering in the network, a middlebox rewriting numbers, or two stacks
answering for one endpoint. RST segments are not checked.`,
	Triggers: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 2001, win 502, length 0
10:00:00.010000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [P.], seq 1:101, ack 1001, win 502, length 100`,
	Passes: `10:00:00.000000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 1001, win 502, length 0
10:00:00.010000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [P.], seq 1:101, ack 2001, win 502, length 100`,
	RFC:       "RFC 9293 section 3.10.7.4, RFC 1982 (serial comparison)",
	Wireshark: "none",
	Requires:  seq,
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg, c := p.Seg, p.Conn
		if seg.Has(tcp.KnownSeq|tcp.KnownFlags) && (seg.PayloadLen > 0 || seg.Flags&(tcp.SYN|tcp.FIN) != 0) && seg.Flags&tcp.RST == 0 {
			recentEnds[p.Dir].Of(c).add(seg.End())
		}
		if !seg.Has(tcp.KnownAck|tcp.KnownFlags) || seg.Flags&(tcp.ACK|tcp.SYN|tcp.RST) != tcp.ACK {
			return
		}
		s := &c.Sides[p.Dir]
		if !s.HasAck || tcp.SeqLess(s.MaxAck, seg.Ack) {
			maxAckTimes.Of(c)[p.Dir] = seg.Time
			if ends := recentEnds[p.Dir.Peer()].Peek(c); ends != nil {
				ends.noteAck(seg.Ack)
			}
			return
		}
		if !tcp.SeqLess(seg.Ack, s.MaxAck) {
			return
		}
		// Pure ACKs sent moments apart can be captured out of order (a
		// multi-queue NIC, or loopback on several CPUs): an older ACK seen
		// after a newer one within the reorder window is no regression.
		window := max(st.reorderWindow(c), defaultReorderWindow)
		var raised time.Time // when p.Dir raised its highest ack
		if at := maxAckTimes.Peek(c); at != nil {
			raised = at[p.Dir]
		}
		ends := recentEnds[p.Dir.Peer()].Peek(c)
		if seg.PayloadLen == 0 && seg.Flags&tcp.FIN == 0 && tcp.Elapsed(raised, seg.Time) <= window &&
			(ends == nil || !ends.notABoundary(seg.Ack)) {
			return
		}
		v := &st.v
		if v.class&(anyRetransmission|isOutOfOrder|isKeepAlive|isZeroWindowProbe) != 0 ||
			(seg.Has(tcp.KnownSeq) && v.hasNxt && tcp.SeqLess(seg.Seq, v.nxt)) {
			return
		}
		pd := p.Dir.Peer()
		p.Reportf(ackRegressionText,
			st.seqOf(pd, seg.Ack), byteCount(s.MaxAck-seg.Ack), st.seqOf(pd, s.MaxAck), who(c, p.Dir))
	}),
}

// ringLen is how many segment ends of a direction ack-regression
// remembers: enough for the ACKs in flight within a reorder window.
const ringLen = 16

// ack-regression's state of a connection is in parts, so that a
// connection that never acknowledges anything (a SYN flood's) takes only
// the first: each direction's recent segment ends, taken at the
// direction's first segment that occupies sequence space, one key a
// direction; and when each direction last raised its highest ack, taken
// at the first ACK that does.
var (
	recentEnds = [2]*rules.CheckState[segmentEnds]{
		rules.NewCheckState[segmentEnds]("ack-regression: client's segment ends"),
		rules.NewCheckState[segmentEnds]("ack-regression: server's segment ends"),
	}
	maxAckTimes = rules.NewCheckState[[2]time.Time]("ack-regression: ack times")
)

// segmentEnds is a ring of the latest segment ends (seq + len, SYN and FIN
// counted) of one direction: the values an ACK of it can take.
type segmentEnds struct {
	end [ringLen]uint32
	n   uint8 // entries held, up to ringLen
	at  uint8 // where the next goes
	// inside is set once an advancing ACK fell inside the segments
	// captured: the receiver does not acknowledge at their boundaries.
	inside bool
}

func (r *segmentEnds) add(end uint32) {
	if r.n > 0 && r.end[(r.at+ringLen-1)%ringLen] == end {
		return // the same end again: a retransmission
	}
	r.end[r.at] = end
	r.at = (r.at + 1) % ringLen
	r.n = min(r.n+1, ringLen)
}

func (r *segmentEnds) holds(ack uint32) bool {
	for i := range r.n {
		if r.end[i] == ack {
			return true
		}
	}
	return false
}

// noteAck looks at an ACK that raised the highest ack of this direction's
// data: one between two remembered boundaries shows a receiver that does
// not acknowledge at them.
func (r *segmentEnds) noteAck(ack uint32) {
	if r.inside || r.n == 0 || r.holds(ack) {
		return
	}
	lo, hi := r.end[0], r.end[0]
	for i := range r.n {
		if tcp.SeqLess(r.end[i], lo) {
			lo = r.end[i]
		}
		if tcp.SeqLess(hi, r.end[i]) {
			hi = r.end[i]
		}
	}
	r.inside = tcp.SeqLess(lo, ack) && tcp.SeqLess(ack, hi)
}

// notABoundary reports whether ack is certainly no ACK of a whole segment
// of this direction: it falls strictly between two segment ends
// remembered, none of them itself, and the receiver has acknowledged at
// boundaries so far.
func (r *segmentEnds) notABoundary(ack uint32) bool {
	if r.inside || r.n < 2 || r.holds(ack) {
		return false
	}
	below, above := false, false
	for i := range r.n {
		below = below || tcp.SeqLess(r.end[i], ack)
		above = above || tcp.SeqLess(ack, r.end[i])
	}
	return below && above
}

// The messages of ack-regression, in every language of the reports.
var (
	ackRegressionText = &rules.Texts{Key: "ack-regression",
		En: "ack %[1]s is %[2]s below the highest ack %[3]s already sent by %[4]s",
		Zh: "%[4]s 发出的 ack %[1]s 比它此前最高的 ack %[3]s 小了 %[2]s"}
)
