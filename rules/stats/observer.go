package stats

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// Observer is a rules.Observer that keeps the statistics of every live
// connection; Summary reads them. Give it to the tracker after an Engine
// that runs the sequence analysis (checks.All or checks.SequenceOnly), so
// that it counts as retransmissions the segments the checks call so
// (checks.Resent); without one it counts none. Its memory per connection
// is bounded (RTTSampler, Quantiles) and serves the next connection once
// one ends.
type Observer struct {
	conns perConn[connStats]
}

// connStats is the state of one connection.
type connStats struct {
	rtt  RTTSampler
	dirs [2]dirState
}

// NewObserver returns an Observer with no connection.
func NewObserver() *Observer { return &Observer{} }

// Segment folds seg into the statistics of c.
func (o *Observer) Segment(c *rules.Conn, d rules.Dir, seg *tcp.Segment, _ bool) {
	cs := o.conns.of(c)
	sample, ok, unique := cs.rtt.Segment(d, seg)
	if ok {
		r := &cs.dirs[sample.Dir]
		r.rtt.Add(sample.RTT)
		if sample.Source == ByEcho {
			r.echo++
		}
	}
	s := &cs.dirs[d]
	payload := int64(seg.PayloadLen)
	s.bytes += payload
	s.unique += int64(unique)
	if payload > 0 && checks.Resent(c) {
		s.retransSegs++
		s.retransByte += payload
	}
	s.inFlight(c, d, seg)
	s.window(c, d, seg)
}

// inFlight updates the most bytes in flight after a data segment: the
// highest sequence number sent, this segment's end included, less the
// peer's highest ACK. The tracker has not folded seg into c yet.
func (s *dirState) inFlight(c *rules.Conn, d rules.Dir, seg *tcp.Segment) {
	side, peer := &c.Sides[d], &c.Sides[d.Peer()]
	if seg.PayloadLen == 0 || !seg.Has(tcp.KnownSeq) || !peer.HasAck {
		return
	}
	nxt := seg.Seq + seg.PayloadLen
	if side.HasNxt {
		nxt = tcp.SeqMax(nxt, side.Nxt)
	}
	s.maxInFlight = max(s.maxInFlight, tcp.SeqDiff(peer.MaxAck, nxt))
}

// window updates the largest window and the zero-window time with the
// window seg advertises. A RST's window says nothing.
func (s *dirState) window(c *rules.Conn, d rules.Dir, seg *tcp.Segment) {
	if !seg.Has(tcp.KnownWindow) || (seg.Has(tcp.KnownFlags) && seg.Flags&tcp.RST != 0) {
		return
	}
	syn := seg.Has(tcp.KnownFlags) && seg.Flags&tcp.SYN != 0
	w := int64(c.Sides[d].ScaledWindow(seg.Window, &c.Sides[d.Peer()], syn))
	if syn {
		s.synWin = max(s.synWin, w)
	} else {
		s.maxWin = max(s.maxWin, w)
	}
	switch {
	case seg.Window == 0 && !s.inZero:
		s.inZero, s.zeroSince = true, seg.Time
	case seg.Window != 0 && s.inZero:
		s.inZero = false
		s.zero += zeroTime(s.zeroSince, seg.Time)
	}
}

// zeroTime is the time from a zero window to its end, 0 when either time
// is unknown (tcpdump -t).
func zeroTime(from, to time.Time) time.Duration {
	if from.IsZero() || to.IsZero() {
		return 0
	}
	return max(tcp.Elapsed(from, to), 0)
}

// Summary returns the statistics of c, a connection the Observer has seen
// and that has not ended yet (call it from another Observer's End that
// the tracker calls before this one's).
func (o *Observer) Summary(c *rules.Conn) (Summary, bool) {
	cs := o.conns.live[c]
	if cs == nil {
		return Summary{}, false
	}
	sum := Summary{Elapsed: max(c.Duration(), 0)}
	scaled := c.Sides[rules.FromClient].WScale >= 0 && c.Sides[rules.FromServer].WScale >= 0
	for d := range cs.dirs {
		s := &cs.dirs[d]
		fig := s.figures(sum.Elapsed, scaled)
		if s.inZero {
			fig.ZeroWindow += zeroTime(s.zeroSince, c.End)
		}
		sum.Dirs[d] = fig
	}
	return sum, true
}

// End lets the statistics of c go, to serve another connection.
func (o *Observer) End(c *rules.Conn, _ rules.EndReason) {
	o.conns.release(c, (*connStats).reset)
}

// reset empties the statistics, keeping the memory of the samplers.
func (cs *connStats) reset() {
	cs.rtt.Reset()
	for d := range cs.dirs {
		exact := cs.dirs[d].rtt.exact[:0]
		cs.dirs[d] = dirState{rtt: Quantiles{exact: exact}}
	}
}
