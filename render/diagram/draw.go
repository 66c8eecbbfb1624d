package diagram

import (
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/render/diagram/typeface"
	"github.com/pcaplint/pcaplint/render/palette"
	"github.com/pcaplint/pcaplint/rules"
)

// lifelines draws each lane's vertical line, solid where time is drawn to
// scale and dotted across gaps and folds, where it is not.
func (g *geometry) lifelines(d *Diagram, s *Scene) {
	for _, x := range g.laneX[:len(d.Lanes)] {
		y := g.lifeTop
		for i, r := range d.Rows {
			if r.Kind == RowSegment || r.Kind == RowLost {
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
	case RowGap, RowFold, RowContinued:
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
	arrow := Item{Kind: KindArrow, Role: RoleArrow, X1: xa, Y1: y, X2: xb, Y2: y, Title: title(r, d.Lang)}
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
	if sev := r.Severity(); sev != rules.Off {
		arrow.Role, label.Role = FindingRole(sev), FindingTextRole(sev)
		if palette.CueOf(sev).Dashed {
			arrow.Dash = Dashed
		}
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
// duration), a page's end or beginning (a dashed rule saying which page
// goes on), or a folded run (its summary between the lifelines).
func (g *geometry) breakRow(d *Diagram, r *Row, y float64, s *Scene) {
	left, right := g.laneX[0], g.laneX[len(d.Lanes)-1]
	mid := (left + right) / 2
	if len(d.Lanes) == 1 {
		mid = left + minSpan/2
	}
	text := Item{Kind: KindText, Role: RoleGapText, X1: mid, Y1: y + 3.5, Text: breakText(r, d.Lang),
		Face: typeface.Regular, Size: noteSize, Anchor: Middle}
	if r.Kind != RowFold {
		s.add(Item{Kind: KindLine, Role: RoleGap, X1: margin, Y1: y, X2: right + g.stateW, Y2: y, Dash: Dashed})
	}
	w := text.TextWidth() + 14
	s.add(Item{Kind: KindBox, Role: RoleMask, X1: mid - w/2, Y1: y - 8, X2: mid + w/2, Y2: y + 8})
	s.add(text)
}

// legend lists the findings under the diagram, one rule a line: the
// rule ID in its severity's colour behind its marker, the severity and how
// many times, and the first message, wrapped to the picture's width
// rather than cut. It returns the legend's bottom.
func (g *geometry) legend(d *Diagram, s *Scene) float64 {
	if len(d.Legend) == 0 {
		return g.bottom
	}
	y := g.bottom + 22
	s.add(Item{Kind: KindText, Role: RoleLegendText, X1: margin, Y1: y, Text: legendTitle(d.Lang),
		Face: typeface.Regular, Size: captionSize})
	ruleW, countW := 0.0, 0.0
	for _, e := range d.Legend {
		ruleW = max(ruleW, typeface.Width(typeface.Mono, noteSize, Marked(e.Severity, e.Rule)))
		countW = max(countW, typeface.Width(typeface.Regular, noteSize, legendCount(e, d.Lang)))
	}
	msgX := margin + 8 + ruleW + 12 + countW + 12
	msgW := max(g.right-msgX, legendMinText)
	for _, e := range d.Legend {
		y += legendPitch
		s.add(Item{Kind: KindText, Role: FindingTextRole(e.Severity), X1: margin + 8, Y1: y,
			Text: Marked(e.Severity, e.Rule), Face: typeface.Mono, Size: noteSize, Title: e.Message})
		s.add(Item{Kind: KindText, Role: RoleRoleText, X1: margin + 8 + ruleW + 12, Y1: y,
			Text: legendCount(e, d.Lang), Face: typeface.Regular, Size: noteSize})
		for i, line := range wrap(e.Message, typeface.Regular, noteSize, msgW, legendMaxLines) {
			if i > 0 {
				y += noteSize + 3
			}
			s.add(Item{Kind: KindText, Role: RoleLegendText, X1: msgX, Y1: y, Text: line,
				Face: typeface.Regular, Size: noteSize, Title: e.Message})
		}
	}
	return y + 4
}

// legendCount is a legend line's severity and count: "warning ×3".
func legendCount(e LegendEntry, l rules.Lang) string {
	return e.Severity.In(l) + " ×" + strconv.Itoa(e.Count)
}

// wrap breaks s into lines no wider than width set in face f at size,
// at spaces, and inside a word only when the word alone is wider. Past
// most lines the last ends in an ellipsis; the arrow's and the legend's
// tooltips keep the whole text.
func wrap(s string, f typeface.Face, size, width float64, most int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if typeface.Width(f, size, try) <= width {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = ""
		for _, r := range word { // a word wider than a line is cut where it must be
			if line != "" && typeface.Width(f, size, line+string(r)) > width {
				lines = append(lines, line)
				line = ""
			}
			line += string(r)
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) > most {
		lines = lines[:most]
		last := []rune(lines[most-1])
		for len(last) > 0 && typeface.Width(f, size, string(last)+" …") > width {
			last = last[:len(last)-1]
		}
		lines[most-1] = strings.TrimSpace(string(last)) + " …"
	}
	return lines
}

// shorten cuts s to n runes, ending it with an ellipsis when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
