package graph

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/stats"
)

// Conversation is one connection's graph data: its columns, per-direction
// totals and RTT distribution, the segments the input could not place,
// and the findings matched to the segments they are about.
type Conversation struct {
	Conn *rules.Conn
	Grid Grid
	// Dirs are the totals of the data sent each way, by rules.Dir.
	Dirs [2]DirTotals
	// Missing counts what the input did not show (tcpdump text hides some
	// fields); a graph says so instead of drawing a wrong line.
	Missing Missing
	// Marks are where findings fall, by the position of their segment.
	Marks map[tcp.Pos]Mark

	flow [2]flow
	rtt  stats.RTTSampler
}

// DirTotals sums one direction of data.
type DirTotals struct {
	Segs, Resent      int64
	NewBytes, ReBytes int64
	// Top is the highest relative sequence number sent (exclusive).
	Top int64
	// Edge is the highest right window edge the peer advertised.
	Edge int64
	// Flight and Win are the most bytes in flight and the largest window
	// the peer advertised.
	Flight, Win int64
	// Karn and Echo are the round-trip samples from ACKs of segments sent
	// once (Karn's rule, RFC 6298 section 3) and, for ACKs of resent data,
	// from the timestamp echo that names the transmission (RFC 7323
	// section 4), as rules/stats samples them for conns --stats.
	Karn, Echo Samples
	// Dist is the distribution of all samples, for the median and p95.
	Dist stats.Quantiles
	// ZeroWindow counts ACKs of the peer that closed the window.
	ZeroWindow int64
}

// Missing counts segments whose fields the input hid.
type Missing struct {
	// Time: segments without a time (tcpdump -t), not drawn at all.
	Time int64
	// Seq: data segments without a sequence number.
	Seq int64
	// Ack: ACK segments without an acknowledgement number.
	Ack int64
	// Window: segments without a window field.
	Window int64
	// Options: segments whose options (SACK, timestamps) were not shown.
	Options int64
}

// Mark is a finding placed on its segment.
type Mark struct {
	Dir rules.Dir
	// At is the time after the connection's first segment, on the cut
	// time axis (Grid.Offset).
	At time.Duration
	// Lo, Hi are the segment's relative sequence range in Dir's space, or
	// the acknowledgement it carried (Lo == Hi) for a segment without
	// data; Seq is false when neither was known.
	Lo, Hi int64
	Seq    bool
	// Own is the segment's own sequence number in the sender's direction
	// (the other end of Dir), for a segment without data whose
	// acknowledgement is drawn on a panel the graph leaves out (a
	// keep-alive probe on a one-way transfer); OwnSeq says it is known.
	Own    int64
	OwnSeq bool
	Rules  []string
}

// flow is the running state of one direction of data, in its sender's
// sequence space.
type flow struct {
	base    uint32 // sequence number of relative 0
	hasBase bool
	ref     int64 // the last relative number unwrapped, to unwrap the next
	nxt     int64 // highest sequence number sent (exclusive)
	hasNxt  bool
	ack     int64 // the peer's highest cumulative ACK
	hasAck  bool
}

// rel returns v relative to the flow's base, unwrapped near the last
// number (RFC 1982 serial arithmetic: within 2^31 of it).
func (f *flow) rel(v uint32) int64 {
	r := f.ref + int64(int32(v-f.base-uint32(f.ref)))
	f.ref = r
	return r
}

// setBase fixes relative 0: the byte after the ISN when the SYN was seen,
// else the first sequence number seen.
func (f *flow) setBase(side *rules.Side, seq uint32, syn bool) {
	if f.hasBase {
		return
	}
	switch {
	case side.HasISN:
		f.base = side.ISN + 1
	case syn:
		f.base = seq + 1
	default:
		f.base = seq
	}
	f.hasBase = true
}

// add folds one segment, sent in direction d, into the columns.
func (cv *Conversation) add(d rules.Dir, seg *tcp.Segment) {
	if !seg.Has(tcp.KnownTime) {
		cv.Missing.Time++
		return
	}
	if !seg.Has(tcp.KnownOptions) {
		cv.Missing.Options++
	}
	if !seg.Has(tcp.KnownWindow) {
		cv.Missing.Window++
	}
	cv.sent(d, seg)
	cv.acked(d, seg)
	if rtt, ok, _ := cv.rtt.Segment(d, seg); ok {
		t := &cv.Dirs[rtt.Dir]
		if rtt.Source == stats.ByEcho {
			t.Echo.Add(rtt.RTT)
		} else {
			t.Karn.Add(rtt.RTT)
		}
		t.Dist.Add(rtt.RTT)
		cv.Grid.at(int(rtt.Dir), seg.Time).RTT.Add(rtt.RTT)
	}
}

// sent records what seg carries of d's own data.
func (cv *Conversation) sent(d rules.Dir, seg *tcp.Segment) {
	syn := seg.Flags&tcp.SYN != 0
	if !seg.Has(tcp.KnownSeq) {
		if seg.PayloadLen > 0 {
			cv.Missing.Seq++
		}
		return
	}
	f := &cv.flow[d]
	f.setBase(&cv.Conn.Sides[d], seg.Seq, syn)
	lo := f.rel(seg.Seq)
	if syn {
		lo++ // the SYN's own number is relative -1
	}
	hi := lo + int64(seg.PayloadLen)
	t := &cv.Dirs[d]
	end := hi
	if seg.Flags&tcp.FIN != 0 {
		end++
	}
	if seg.PayloadLen == 0 {
		if !f.hasNxt || end > f.nxt {
			f.nxt, f.hasNxt = end, true
		}
		return
	}
	col := cv.Grid.at(int(d), seg.Time)
	col.Segs++
	t.Segs++
	// Bytes below the highest sequence number already sent were sent
	// before (a retransmission) or arrive out of order; the checks'
	// findings tell which.
	cut := lo
	if f.hasNxt && f.nxt > lo {
		cut = min(f.nxt, hi)
		span(&col.ReLo, &col.ReHi, lo, cut, col.Has&HasResent != 0)
		col.Has |= HasResent
		col.Resent++
		col.ReBytes += cut - lo
		t.Resent++
		t.ReBytes += cut - lo
	}
	if hi > cut {
		span(&col.NewLo, &col.NewHi, cut, hi, col.Has&HasNew != 0)
		col.Has |= HasNew
		col.NewBytes += hi - cut
		t.NewBytes += hi - cut
	}
	if !f.hasNxt || end > f.nxt {
		f.nxt, f.hasNxt = end, true
	}
	t.Top = max(t.Top, hi)
	cv.flight(d, col)
}

// flight notes the bytes in flight of direction d in col.
func (cv *Conversation) flight(d rules.Dir, col *Column) {
	f := &cv.flow[d]
	if !f.hasNxt || !f.hasAck {
		return
	}
	n := max(f.nxt-f.ack, 0)
	if col.Has&HasFlight == 0 || n > col.Flight {
		col.Flight = n
	}
	col.Has |= HasFlight
	cv.Dirs[d].Flight = max(cv.Dirs[d].Flight, n)
}

// acked records what seg, sent in direction d, says about the data
// flowing the other way: its ACK, window and SACK blocks.
func (cv *Conversation) acked(d rules.Dir, seg *tcp.Segment) {
	if seg.Flags&tcp.ACK == 0 || seg.Flags&tcp.RST != 0 {
		return
	}
	data := d.Peer()
	f := &cv.flow[data]
	if !seg.Has(tcp.KnownAck) {
		cv.Missing.Ack++
		return
	}
	if !f.hasBase {
		// Nothing of the other direction seen yet: its SYN-ACK
		// acknowledges the SYN, relative -1+1 = 0.
		f.setBase(&cv.Conn.Sides[data], seg.Ack-1, true)
	}
	ack := f.rel(seg.Ack)
	col := cv.Grid.at(int(data), seg.Time)
	t := &cv.Dirs[data]
	advanced := !f.hasAck || ack > f.ack
	if advanced {
		f.ack, f.hasAck = ack, true
	}
	col.Ack, col.Edge = f.ack, f.ack
	col.Has |= HasAck
	if seg.Has(tcp.KnownWindow) {
		side := &cv.Conn.Sides[d]
		win := int64(side.ScaledWindow(seg.Window, &cv.Conn.Sides[data], seg.Flags&tcp.SYN != 0))
		col.Edge = f.ack + win
		if col.Has&HasWin == 0 || win < col.WinMin {
			col.WinMin = win
		}
		col.Win = win
		col.Has |= HasWin
		t.Win = max(t.Win, win)
		t.Edge = max(t.Edge, col.Edge)
		if win == 0 {
			col.Has |= HasZeroWindow
			t.ZeroWindow++
		}
	}
	for i := range int(seg.Options.NumSACK) {
		b := seg.Options.SACK[i]
		lo, hi := f.rel(b.Left), f.rel(b.Right)
		if hi <= f.ack || hi <= lo {
			continue // a D-SACK (RFC 2883) or a block already acknowledged
		}
		span(&col.SackLo, &col.SackHi, lo, hi, col.Has&HasSack != 0)
		col.Has |= HasSack
	}
	f.rel(seg.Ack) // unwrap from the ACK again, not from a stray block
	cv.flight(data, col)
}

// place is where a finding about seg, sent in direction d, is drawn: on
// the bytes it carried, or for a segment without data on the data it
// acknowledges.
func (cv *Conversation) place(d rules.Dir, seg *tcp.Segment) Mark {
	m := Mark{Dir: d, At: cv.Grid.Offset(seg.Time)}
	f, peer := &cv.flow[d], &cv.flow[d.Peer()]
	bare := seg.PayloadLen == 0 && seg.Flags&(tcp.SYN|tcp.FIN) == 0
	switch {
	case bare && seg.Has(tcp.KnownAck) && seg.Flags&tcp.ACK != 0 && peer.hasBase:
		m.Dir = d.Peer()
		m.Lo = peer.rel(seg.Ack)
		m.Hi, m.Seq = m.Lo, true
		if seg.Has(tcp.KnownSeq) && f.hasBase {
			m.Own, m.OwnSeq = f.rel(seg.Seq), true
		}
	case seg.Has(tcp.KnownSeq) && f.hasBase:
		m.Lo = f.rel(seg.Seq)
		if seg.Flags&tcp.SYN != 0 {
			m.Lo++
		}
		m.Hi, m.Seq = m.Lo+int64(seg.PayloadLen), true
	}
	return m
}

// mark adds finding fd's rule to the mark at pos.
func (cv *Conversation) mark(pos tcp.Pos, at Mark, fd rules.Finding) {
	if cv.Marks == nil {
		cv.Marks = map[tcp.Pos]Mark{}
	}
	m, ok := cv.Marks[pos]
	if !ok {
		m = at
	}
	m.Rules = append(m.Rules, fd.Rule)
	cv.Marks[pos] = m
}

// end releases the running state; the columns stay.
func (cv *Conversation) end() { cv.flow = [2]flow{} }
