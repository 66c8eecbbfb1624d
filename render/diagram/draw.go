package diagram

import (
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/render/diagram/typeface"
)

// lifelines draws each lane's vertical line, solid where time is drawn to
// scale and dotted across gaps and folds, where it is not.
func (g *geometry) lifelines(d *Diagram, s *Scene) {
	for _, x := range g.laneX[:len(d.Lanes)] {
		y := g.lifeTop
		for i, r := range d.Rows {
			if r.Kind != RowGap && r.Kind != RowFold {
				continue
			}
			s.add(Item{Kind: KindLine, Role: RoleLifeline, X1: x, Y1: y, X2: x, Y2: g.rowTop[i]})
			s.add(Item{Kind: KindLine, Role: RoleLifeline, X1: x, Y1: g.rowTop[i], X2: x, Y2: g.rowBottom[i], Dash: Dotted})
			y = g.rowBottom[i]
		}
		s.add(Item{Kind: KindLine, Role: RoleLifeline, X1: x, Y1: y, X2: x, Y2: g.bottom})
	}
}

// headers draws a box with host:port and role atop each lifeline, and the
// initial states under it.
func (g *geometry) headers(d *Diagram, s *Scene) {
	top := g.lifeTop - headerH
	for i, l := range d.Lanes {
		x, w := g.laneX[i], headerWidth(l)
		s.add(Item{Kind: KindBox, Role: RoleHeader, X1: x - w/2, Y1: top, X2: x + w/2, Y2: g.lifeTop, Round: true})
		s.add(Item{Kind: KindText, Role: RoleHeaderText, X1: x, Y1: top + 16, Text: l.Label(),
			Face: typeface.Regular, Size: headerSize, Anchor: Middle})
		s.add(Item{Kind: KindText, Role: RoleRoleText, X1: x, Y1: top + 29, Text: l.Role,
			Face: typeface.Regular, Size: noteSize, Anchor: Middle})
		if l.Initial != "" {
			g.pill(d, s, i, g.lifeTop+19, l.Initial)
		}
	}
}

// pill draws a state beside lane i's lifeline, in the margin outside the
// conversation: left of the leftmost lane, right of the others.
func (g *geometry) pill(d *Diagram, s *Scene, lane int, y float64, state string) {
	x, w := g.laneX[lane], pillWidth(state)
	x1 := x + 6
	if lane == 0 && len(d.Lanes) > 1 {
		x1 = x - 6 - w
	}
	s.add(Item{Kind: KindBox, Role: RoleState, X1: x1, Y1: y - pillH/2, X2: x1 + w, Y2: y + pillH/2, Round: true})
	s.add(Item{Kind: KindText, Role: RoleStateText, X1: x1 + w/2, Y1: y + 3, Text: state,
		Face: typeface.Mono, Size: stateSize, Anchor: Middle})
}

func (g *geometry) row(d *Diagram, i int, opts LayoutOptions, s *Scene) {
	r := &d.Rows[i]
	y := g.rowY[i]
	switch r.Kind {
	case RowGap, RowFold:
		g.breakRow(d, r, y, s)
		return
	}
	if t := d.TimeText(r, opts.AbsTime); t != "" && r.Kind == RowSegment {
		// On the label's baseline: each row reads as one line of a log.
		s.add(Item{Kind: KindText, Role: RoleTime, X1: g.timeRight, Y1: y - 5, Text: t,
			Face: typeface.Mono, Size: timeSize, Anchor: End})
	}
	xa, xb := g.laneX[r.From], g.laneX[r.To]
	dir := 1.0
	if xb < xa {
		dir = -1
	}
	arrow := Item{Kind: KindArrow, Role: RoleArrow, X1: xa, Y1: y, X2: xb, Y2: y, Title: title(r)}
	label := Item{Kind: KindText, Role: RoleLabel, X1: xa + dir*labelPad, Y1: y - 5, Text: r.Label,
		Face: typeface.Mono, Size: labelSize, Anchor: Start, Title: arrow.Title}
	if dir < 0 {
		label.Anchor = End
	}
	if r.Kind == RowLost {
		// The segment dies half-way; its byte range is written past the
		// cross, where no arrow runs.
		arrow.Role, arrow.Cross, arrow.Dash = RoleLost, true, Dashed
		arrow.X2 = (xa + xb) / 2
		label.Role, label.X1, label.Y1 = RoleTag, arrow.X2+dir*12, y+3.5
	}
	if len(r.Findings) > 0 {
		arrow.Role, label.Role = RoleFinding, RoleFindingText
	}
	s.add(arrow)
	s.add(label)
	g.notes(r, xb, dir, y, arrow.Title, s)
	for _, m := range r.States {
		g.pill(d, s, m.Lane, y, m.State)
	}
}

// notes writes rule IDs and tags under the arrow, outward from its head.
func (g *geometry) notes(r *Row, head, dir, y float64, title string, s *Scene) {
	x := head - dir*12
	for _, n := range notes(r) {
		n.X1, n.Y1, n.Title = x, y+13, title
		n.Anchor = End
		if dir < 0 {
			n.Anchor = Start
		}
		s.add(n)
		x -= dir * (n.TextWidth() + 8)
	}
}

// breakRow draws an idle gap (a dashed rule across the picture with its
// duration) or a folded run (its summary between the lifelines).
func (g *geometry) breakRow(d *Diagram, r *Row, y float64, s *Scene) {
	left, right := g.laneX[0], g.laneX[len(d.Lanes)-1]
	mid := (left + right) / 2
	if len(d.Lanes) == 1 {
		mid = left + minSpan/2
	}
	text := Item{Kind: KindText, Role: RoleGapText, X1: mid, Y1: y + 3.5, Text: breakText(r),
		Face: typeface.Regular, Size: noteSize, Anchor: Middle}
	if r.Kind == RowGap {
		s.add(Item{Kind: KindLine, Role: RoleGap, X1: margin, Y1: y, X2: right + g.stateW, Y2: y, Dash: Dashed})
	}
	w := text.TextWidth() + 14
	s.add(Item{Kind: KindBox, Role: RoleMask, X1: mid - w/2, Y1: y - 8, X2: mid + w/2, Y2: y + 8})
	s.add(text)
}

// legend lists the findings under the diagram and returns its bottom.
func (g *geometry) legend(d *Diagram, s *Scene) float64 {
	if len(d.Legend) == 0 {
		return g.bottom
	}
	y := g.bottom + 22
	s.add(Item{Kind: KindText, Role: RoleLegendText, X1: margin, Y1: y, Text: "Findings",
		Face: typeface.Regular, Size: captionSize})
	ruleW, countW := 0.0, 0.0
	for _, e := range d.Legend {
		ruleW = max(ruleW, typeface.Width(typeface.Mono, noteSize, e.Rule))
		countW = max(countW, typeface.Width(typeface.Regular, noteSize, "×"+strconv.Itoa(e.Count)))
	}
	for _, e := range d.Legend {
		y += 16
		s.add(Item{Kind: KindText, Role: RoleFindingText, X1: margin + 8, Y1: y, Text: e.Rule,
			Face: typeface.Mono, Size: noteSize, Title: e.Message})
		s.add(Item{Kind: KindText, Role: RoleLegendText, X1: margin + 16 + ruleW + countW, Y1: y,
			Text: "×" + strconv.Itoa(e.Count), Face: typeface.Regular, Size: noteSize, Anchor: End})
		s.add(Item{Kind: KindText, Role: RoleLegendText, X1: margin + 24 + ruleW + countW, Y1: y,
			Text: shorten(e.Message, 100), Face: typeface.Regular, Size: noteSize, Title: e.Message})
	}
	return y + 4
}

// shorten cuts s to n runes, ending it with an ellipsis when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
