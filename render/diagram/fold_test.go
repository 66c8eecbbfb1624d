package diagram_test

import (
	"testing"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/internal/fixture"
	"github.com/pcaplint/pcaplint/rules"
)

func TestFoldingKeepsWhatMatters(t *testing.T) {
	for _, n := range []int{20, 61, 200, 10_000} {
		for _, max := range []int{10, 30, 60, 200} {
			convs := fixture.Long(n)
			c := convs[0]
			// A finding in the middle must stay visible.
			mid := c.Segs[n/2]
			c.Findings = []rules.Finding{{Rule: "X1", Message: "m", Pos: mid.Pos, Conn: c.Conn.Ref()}}
			d := diagram.Build(convs, diagram.Options{MaxRows: max})
			segs, foldedSegs, found := 0, 0, false
			lastFold := -2
			for i, r := range d.Rows {
				switch r.Kind {
				case diagram.RowSegment:
					segs++
					found = found || len(r.Findings) > 0
				case diagram.RowFold:
					foldedSegs += r.Folded
					if lastFold == i-1 {
						t.Errorf("n=%d max=%d: two folds in a row", n, max)
					}
					if i == 0 || d.Rows[i-1].Kind != diagram.RowSegment || i+1 == len(d.Rows) || d.Rows[i+1].Kind != diagram.RowSegment {
						t.Errorf("n=%d max=%d: a fold not between two visible segments", n, max)
					}
					lastFold = i
				}
			}
			if segs+foldedSegs != n {
				t.Errorf("n=%d max=%d: %d drawn + %d folded, want %d", n, max, segs, foldedSegs, n)
			}
			if !found {
				t.Errorf("n=%d max=%d: the finding was folded away", n, max)
			}
			pinned := 0
			for _, r := range d.Rows {
				if r.Pinned() {
					pinned++
				}
			}
			if len(d.Rows) > max && len(d.Rows) > pinned+2*foldsOf(d) {
				t.Errorf("n=%d max=%d: %d rows", n, max, len(d.Rows))
			}
			if d.Rows[0].Class != diagram.ClassSYN || d.Rows[len(d.Rows)-1].Kind != diagram.RowSegment {
				t.Errorf("n=%d max=%d: handshake or teardown folded", n, max)
			}
		}
	}
}

func foldsOf(d *diagram.Diagram) int {
	n := 0
	for _, r := range d.Rows {
		if r.Kind == diagram.RowFold {
			n++
		}
	}
	return n
}

func TestFoldTextReadsAsASummary(t *testing.T) {
	d := diagram.Build(fixture.Long(10_000), diagram.Options{})
	if len(d.Rows) > diagram.DefaultMaxRows {
		t.Errorf("%d rows, want at most %d", len(d.Rows), diagram.DefaultMaxRows)
	}
	for _, r := range d.Rows {
		if r.Kind == diagram.RowFold {
			if got, want := r.FoldText("⋯"), "⋯ 9,941 segments, 9.6 MB in 1.59 s ⋯"; got != want {
				t.Errorf("fold reads %q, want %q", got, want)
			}
		}
	}
}

func TestCollectorBoundsMemory(t *testing.T) {
	coll := &diagram.Collector{MaxSegs: 100}
	convs := fixture.TrackWith(coll, fixture.LongSegments(1000))
	c := convs[0]
	if len(c.Segs) > 100 {
		t.Fatalf("kept %d segments, cap 100", len(c.Segs))
	}
	if len(c.Segs)+c.Elided.Segments != 1000 {
		t.Errorf("kept %d + elided %d, want 1000", len(c.Segs), c.Elided.Segments)
	}
	d := diagram.Build(convs, diagram.Options{})
	if d.Segments != 1000 {
		t.Errorf("diagram counts %d segments, want 1000", d.Segments)
	}
}
