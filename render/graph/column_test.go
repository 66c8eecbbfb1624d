package graph

import (
	"testing"
	"time"
)

// TestGridStaysWithinColumns feeds times over spans from a millisecond to
// a day: the grid never holds more than Columns columns, keeps them in
// order, and loses no segment when it merges them.
func TestGridStaysWithinColumns(t *testing.T) {
	start := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	for _, span := range []time.Duration{time.Millisecond, time.Second, time.Hour, 24 * time.Hour} {
		var g Grid
		const n = 5000
		for i := range n {
			c := g.at(0, start.Add(span*time.Duration(i)/n))
			c.Segs++
		}
		cols := g.Cols[0]
		var segs int32
		for i, c := range cols {
			segs += c.Segs
			if i > 0 && cols[i-1].Index >= c.Index {
				t.Fatalf("span %v: columns out of order at %d", span, i)
			}
			if c.Index >= Columns {
				t.Fatalf("span %v: column index %d past %d", span, c.Index, Columns)
			}
		}
		if segs != n {
			t.Errorf("span %v: %d segments in the columns, want %d", span, segs, n)
		}
		if g.End() < span {
			t.Errorf("span %v: the grid ends at %v", span, g.End())
		}
	}
}

// TestGridPlacesLateSegments puts a segment whose time steps back (a
// capture merged from two interfaces) in its own column, and one before
// the first segment in the first column.
func TestGridPlacesLateSegments(t *testing.T) {
	start := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	var g Grid
	g.at(0, start).Segs++
	g.at(0, start.Add(10*time.Microsecond)).Segs++
	g.at(0, start.Add(5*time.Microsecond)).Segs++
	g.at(0, start.Add(-time.Second)).Segs++
	var idx []int64
	for _, c := range g.Cols[0] {
		idx = append(idx, c.Index)
	}
	if len(idx) != 3 || idx[0] != 0 || idx[1] != 5 || idx[2] != 10 || g.Cols[0][0].Segs != 2 {
		t.Errorf("columns %v (first holds %d)", idx, g.Cols[0][0].Segs)
	}
}

// TestGridCutsIdleGaps cuts an idle minute out of the time axis: the
// transfer after it starts where the one before ended, and Offset maps
// real times onto the cut axis.
func TestGridCutsIdleGaps(t *testing.T) {
	start := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		gap        time.Duration
		wantBreaks int
		maxEnd     time.Duration
	}{
		{0, 0, 2 * time.Minute},
		{time.Second, 1, 50 * time.Millisecond},
		{2 * time.Minute, 0, 2 * time.Minute},
	}
	for _, tt := range tests {
		g := Grid{Gap: tt.gap}
		for i := range 10 {
			g.at(0, start.Add(time.Duration(i)*time.Millisecond))
		}
		later := start.Add(time.Minute)
		for i := range 10 {
			g.at(0, later.Add(time.Duration(i)*time.Millisecond))
		}
		if len(g.Breaks) != tt.wantBreaks {
			t.Errorf("gap %v: %d breaks, want %d", tt.gap, len(g.Breaks), tt.wantBreaks)
		}
		if g.End() > tt.maxEnd {
			t.Errorf("gap %v: the axis runs to %v, want at most %v", tt.gap, g.End(), tt.maxEnd)
		}
		if off := g.Offset(later); tt.wantBreaks == 1 && off > 20*time.Millisecond {
			t.Errorf("gap %v: the minute's end is at %v on the cut axis", tt.gap, off)
		}
	}
}
