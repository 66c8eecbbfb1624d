package diagram

import (
	"slices"
)

// Pages splits d into pages of at most n rows each, for documents and
// slides, which need pages rather than one very tall strip. Every page
// keeps the lifelines' headers, the times counted from the first segment,
// and, when d has states, the state each end is in where the page begins;
// a "continued" row ends page k and opens page k+1. Each page's legend
// lists the findings drawn on it. With n < 1, or rows that fit, the one
// page is d.
func (d *Diagram) Pages(n int) []*Diagram {
	if n < 1 || len(d.Rows) <= n {
		return []*Diagram{d}
	}
	total := (len(d.Rows) + n - 1) / n
	pages := make([]*Diagram, 0, total)
	lanes := slices.Clone(d.Lanes)
	for k := range total {
		rows := d.Rows[k*n : min((k+1)*n, len(d.Rows))]
		p := &Diagram{Caption: pageCaption(d.Caption, k+1, total, d.Lang),
			Lanes: slices.Clone(lanes), Start: d.Start, States: d.States, Lang: d.Lang}
		if k > 0 {
			p.Rows = append(p.Rows, Row{Kind: RowContinued, Label: continuedFrom(k, d.Lang)})
		}
		p.Rows = append(p.Rows, rows...)
		if k < total-1 {
			p.Rows = append(p.Rows, Row{Kind: RowContinued, Label: continuedOn(k+2, d.Lang)})
		}
		for i := range rows {
			r := &rows[i]
			p.Segments += max(r.Folded, 0)
			if r.Kind == RowSegment {
				p.Segments++
			}
			p.addLegend(r.Findings)
			for _, m := range r.States {
				lanes[m.Lane].Initial = m.State // where the next page begins
			}
		}
		slices.SortFunc(p.Legend, byRule)
		pages = append(pages, p)
	}
	return pages
}
