package diagram_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/internal/fixture"
)

func TestPagesSplitRowsAndMarkWhereTheyGoOn(t *testing.T) {
	d := diagram.Build(fixture.Long(250), diagram.Options{MaxRows: -1})
	for _, tc := range []struct{ per, want int }{{0, 1}, {250, 1}, {100, 3}, {1, len(d.Rows)}} {
		pages := d.Pages(tc.per)
		if len(pages) != tc.want {
			t.Errorf("Pages(%d): %d pages, want %d", tc.per, len(pages), tc.want)
			continue
		}
		var rows []diagram.Row
		for k, p := range pages {
			first, last := p.Rows[0], p.Rows[len(p.Rows)-1]
			if cont := first.Kind == diagram.RowContinued; cont != (k > 0) {
				t.Errorf("Pages(%d) page %d: opens with a continued mark: %v", tc.per, k+1, cont)
			}
			if cont := last.Kind == diagram.RowContinued; cont != (k < len(pages)-1) {
				t.Errorf("Pages(%d) page %d: ends with a continued mark: %v", tc.per, k+1, cont)
			}
			if want := fmt.Sprintf("page %d of %d", k+1, len(pages)); len(pages) > 1 && !strings.HasSuffix(p.Caption, want) {
				t.Errorf("Pages(%d) page %d: caption %q does not count the pages", tc.per, k+1, p.Caption)
			}
			for _, r := range p.Rows {
				if r.Kind != diagram.RowContinued {
					rows = append(rows, r)
				}
			}
		}
		if !slices.EqualFunc(rows, d.Rows, func(a, b diagram.Row) bool { return a.Pos == b.Pos && a.Label == b.Label }) {
			t.Errorf("Pages(%d): the pages' rows are not the diagram's, in order", tc.per)
		}
	}
	second := d.Pages(100)[1]
	for i, l := range second.Lanes {
		if l.Initial != "ESTABLISHED" {
			t.Errorf("page 2, lane %d begins in %s, want the state in force there: ESTABLISHED", i, l.Initial)
		}
	}
	if d.Lanes[0].Initial != "CLOSED" {
		t.Errorf("paging changed the diagram's own lanes: %s", d.Lanes[0].Initial)
	}
}
