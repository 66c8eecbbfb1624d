package graph

import "time"

// Columns is the most time columns a connection is folded into: more
// than the plot of an 800-pixel-wide graph has pixels, so that no column
// is wider than a pixel or two.
const Columns = 1024

// firstWidth is the width of a column before the connection's time range
// has made it grow: fine enough that a short connection keeps every
// segment in a column of its own.
const firstWidth = time.Microsecond

// Column is what one time column holds of one direction of data: the
// segments sent that way, and what the peer's ACKs said of them. Sequence
// numbers are relative (0 is the first byte after the SYN) and unwrapped,
// so they go past 2^32.
type Column struct {
	// Index is the column's place: it covers [Index*Width, (Index+1)*Width)
	// after the connection's first segment.
	Index int64
	// Segs counts segments carrying data; Resent those of them (or the
	// part of one) below the highest sequence number already sent.
	Segs, Resent int32
	// NewLo, NewHi span the new data sent (NewHi exclusive); ReLo, ReHi
	// the resent data.
	NewLo, NewHi, ReLo, ReHi int64
	// NewBytes and ReBytes are the payload bytes new and resent.
	NewBytes, ReBytes int64
	// Ack is the peer's last cumulative acknowledgement, Edge its right
	// window edge (Ack plus the scaled window, RFC 9293 section 3.8.6),
	// Win that window; WinMin the smallest window it advertised here.
	Ack, Edge, Win, WinMin int64
	// SackLo, SackHi span the SACK blocks above Ack the peer sent
	// (RFC 2018).
	SackLo, SackHi int64
	// Flight is the most bytes in flight (sent, not yet acknowledged).
	Flight int64
	// RTT sums the round-trip samples: count, sum, min and max.
	RTT Samples
	// Has says which of the above are set.
	Has Has
}

// Has records which parts of a Column hold values.
type Has uint8

// What a column holds.
const (
	HasNew Has = 1 << iota
	HasResent
	HasAck
	HasWin
	HasSack
	HasFlight
	HasZeroWindow
)

// Samples sums round-trip time samples.
type Samples struct {
	N             int32
	Sum, Min, Max time.Duration
}

// Add adds one sample.
func (s *Samples) Add(d time.Duration) {
	if s.N == 0 || d < s.Min {
		s.Min = d
	}
	if s.N == 0 || d > s.Max {
		s.Max = d
	}
	s.N++
	s.Sum += d
}

// merge adds the samples of o.
func (s *Samples) merge(o Samples) {
	if o.N == 0 {
		return
	}
	if s.N == 0 {
		*s = o
		return
	}
	s.Min, s.Max = min(s.Min, o.Min), max(s.Max, o.Max)
	s.N += o.N
	s.Sum += o.Sum
}

// Mean is the samples' average.
func (s *Samples) Mean() time.Duration {
	if s.N == 0 {
		return 0
	}
	return s.Sum / time.Duration(s.N)
}

// span widens [lo, hi) to hold [a, b), or sets it when set is false.
func span(lo, hi *int64, a, b int64, set bool) {
	if !set || a < *lo {
		*lo = a
	}
	if !set || b > *hi {
		*hi = b
	}
}

// merge folds the later column o into c.
func (c *Column) merge(o *Column) {
	if o.Has&HasNew != 0 {
		span(&c.NewLo, &c.NewHi, o.NewLo, o.NewHi, c.Has&HasNew != 0)
	}
	if o.Has&HasResent != 0 {
		span(&c.ReLo, &c.ReHi, o.ReLo, o.ReHi, c.Has&HasResent != 0)
	}
	if o.Has&HasSack != 0 {
		span(&c.SackLo, &c.SackHi, o.SackLo, o.SackHi, c.Has&HasSack != 0)
	}
	if o.Has&HasAck != 0 {
		c.Ack, c.Edge = o.Ack, o.Edge
	}
	if o.Has&HasWin != 0 {
		if c.Has&HasWin == 0 || o.WinMin < c.WinMin {
			c.WinMin = o.WinMin
		}
		c.Win = o.Win
	}
	if o.Has&HasFlight != 0 {
		c.Flight = max(c.Flight, o.Flight)
	}
	c.Segs += o.Segs
	c.Resent += o.Resent
	c.NewBytes += o.NewBytes
	c.ReBytes += o.ReBytes
	c.RTT.merge(o.RTT)
	c.Has |= o.Has
}

// Grid is the columns of one connection, both directions in step: a
// column of each direction per index that holds anything, in time order.
type Grid struct {
	// Start is the time of the connection's first segment; Width a
	// column's width.
	Start time.Time
	Width time.Duration
	// Cols are the columns that hold anything, by Index, per direction
	// (indexed by rules.Dir).
	Cols [2][]Column
	// Merged is set once a column holds more than one segment's time.
	Merged bool
	// Gap is the idle time that Breaks cut out of the time axis (0:
	// none), as a diagram's --gap does: a connection that waits a minute
	// between two transfers is drawn as two transfers and a break, not as
	// two ticks at the ends of an empty minute, and its columns stay fine.
	Gap time.Duration
	// Breaks are the idle periods cut, in time order; at most MaxBreaks.
	Breaks []Break

	last time.Time // the latest segment's time
	cut  time.Duration
}

// MaxBreaks bounds the idle periods a graph cuts out: past it, idle time
// is drawn to scale.
const MaxBreaks = 16

// Break is an idle period cut out of the time axis.
type Break struct {
	// At is where the break is on the cut axis: the offset times are
	// measured in (Column.Index*Width, Mark.At).
	At time.Duration
	// Real is when the first segment after the break came, after the
	// connection's first segment; Idle how long nothing came; Cut how
	// much of it was cut (all but a column).
	Real, Idle, Cut time.Duration
}

// Offset is where time t is on the cut time axis: its time after the
// connection's first segment, less the idle time cut before it.
func (g *Grid) Offset(t time.Time) time.Duration {
	real := max(t.Sub(g.Start), 0)
	off := real
	for _, b := range g.Breaks {
		if b.Real <= real {
			off -= b.Cut
		}
	}
	return max(off, 0)
}

// at returns direction d's column for time t, growing the column width
// (and merging columns) until t falls inside the grid.
func (g *Grid) at(d int, t time.Time) *Column {
	if g.Width == 0 {
		g.Start, g.Width, g.last = t, firstWidth, t
	}
	if idle := t.Sub(g.last); g.Gap > 0 && idle > g.Gap && len(g.Breaks) < MaxBreaks {
		cut := idle - g.Width
		g.Breaks = append(g.Breaks, Break{At: g.last.Sub(g.Start) - g.cut + g.Width/2, Real: t.Sub(g.Start), Idle: idle, Cut: cut})
		g.cut += cut
	}
	if t.After(g.last) {
		g.last = t
	}
	// A capture's clock may step back: such a segment joins the first
	// column rather than being dropped.
	off := max(t.Sub(g.Start)-g.cut, 0)
	idx := int64(off / g.Width)
	for idx >= Columns {
		g.widen()
		idx = int64(off / g.Width)
	}
	cols := g.Cols[d]
	n := len(cols)
	if n > 0 && cols[n-1].Index == idx {
		return &cols[n-1]
	}
	if n == 0 || cols[n-1].Index < idx {
		g.Cols[d] = append(cols, Column{Index: idx})
		return &g.Cols[d][n]
	}
	// Out of time order (rare: a capture merged from several interfaces):
	// find or insert the column.
	i := searchIndex(cols, idx)
	if cols[i].Index == idx {
		return &cols[i]
	}
	cols = append(cols, Column{})
	copy(cols[i+1:], cols[i:])
	cols[i] = Column{Index: idx}
	g.Cols[d] = cols
	return &cols[i]
}

// searchIndex is the first column of cols whose Index is at least idx.
func searchIndex(cols []Column, idx int64) int {
	lo, hi := 0, len(cols)
	for lo < hi {
		m := (lo + hi) / 2
		if cols[m].Index < idx {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// widen doubles the column width, merging each pair of neighbours.
func (g *Grid) widen() {
	g.Width *= 2
	g.Merged = true
	for d := range g.Cols {
		cols := g.Cols[d]
		out := cols[:0]
		for i := range cols {
			c := cols[i]
			c.Index /= 2
			if k := len(out); k > 0 && out[k-1].Index == c.Index {
				out[k-1].merge(&c)
				continue
			}
			out = append(out, c)
		}
		g.Cols[d] = out
	}
}

// End is the time just past the last column, on the cut time axis.
func (g *Grid) End() time.Duration {
	var last int64
	for d := range g.Cols {
		if n := len(g.Cols[d]); n > 0 {
			last = max(last, g.Cols[d][n-1].Index)
		}
	}
	return time.Duration(last+1) * g.Width
}
