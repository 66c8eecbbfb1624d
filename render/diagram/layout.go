package diagram

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/render/diagram/typeface"
	"github.com/pcaplint/pcaplint/render/palette"
	"github.com/pcaplint/pcaplint/rules"
)

// Type sizes and spacing, in pixels. The proportions follow the figures of
// Stevens' TCP/IP Illustrated: small monospaced labels riding on the
// arrows, states in the margins, generous white space between rows.
const (
	margin      = 16.0
	labelSize   = 11.0
	noteSize    = 10.0
	timeSize    = 10.0
	stateSize   = 8.5
	headerSize  = 12.0
	captionSize = 11.0
	rowPitch    = 30.0
	breakPitch  = 30.0
	headerH     = 36.0
	pillH       = 14.0
	pillPad     = 5.0
	labelPad    = 10.0 // from the sender's lifeline to its label
	minSpan     = 240.0
	legendPitch = 16.0
	// legendMinText is the least width a legend message wraps to, however
	// narrow the diagram; legendMaxLines the most lines it takes.
	legendMinText  = 320.0
	legendMaxLines = 8
)

// LayoutOptions tune the layout.
type LayoutOptions struct {
	// AbsTime prints the time of day instead of milliseconds since the
	// first segment.
	AbsTime bool
}

// geometry is what Lay computes before placing items.
type geometry struct {
	timeRight float64
	stateW    float64
	laneX     []float64
	lifeTop   float64
	rowY      []float64
	rowTop    []float64
	rowBottom []float64
	bottom    float64
	// right is the right edge of the drawing: the last header or state.
	right float64
}

// Lay places every item of d.
func Lay(d *Diagram, opts LayoutOptions) *Scene {
	g := measure(d, opts)
	s := &Scene{}
	s.add(Item{Kind: KindText, Role: RoleCaption, X1: margin, Y1: margin + captionSize,
		Text: d.Caption, Face: typeface.Regular, Size: captionSize})
	g.lifelines(d, s)
	g.headers(d, s)
	if len(d.Rows) > 0 {
		s.add(Item{Kind: KindText, Role: RoleTime, X1: g.timeRight, Y1: g.lifeTop - 7,
			Text: timeHeadingIn(opts.AbsTime, d.Lang), Face: typeface.Regular, Size: noteSize, Anchor: End})
	}
	for i := range d.Rows {
		g.row(d, i, opts, s)
	}
	legendBottom := g.legend(d, s)
	s.Height = max(g.bottom, legendBottom) + margin
	s.Width = g.right + margin
	for _, it := range s.Items {
		if it.Kind == KindText {
			s.Width = max(s.Width, it.Left()+it.TextWidth()+margin)
		}
	}
	s.Width = float64(int(s.Width + 0.999))
	s.Height = float64(int(s.Height + 0.999))
	return s
}

func (s *Scene) add(it Item) { s.Items = append(s.Items, it) }

// measure sets the columns from the widest texts and the rows from top to
// bottom.
func measure(d *Diagram, opts LayoutOptions) *geometry {
	g := &geometry{}
	timeW := 0.0
	span := minSpan
	for i := range d.Rows {
		r := &d.Rows[i]
		timeW = max(timeW, typeface.Width(typeface.Mono, timeSize, d.TimeText(r, opts.AbsTime)))
		lanes := max(1, abs(r.To-r.From))
		switch r.Kind {
		case RowSegment:
			w := max(typeface.Width(typeface.Mono, labelSize, r.Label), notesWidth(r))
			span = max(span, (w+2*labelPad+24)/float64(lanes))
		case RowLost: // the label sits in the half past the cross
			w := typeface.Width(typeface.Mono, labelSize, r.Label)
			span = max(span, 2*(w+2*labelPad+12)/float64(lanes))
		case RowFold, RowGap, RowContinued:
			if n := len(d.Lanes) - 1; n > 0 {
				span = max(span, (typeface.Width(typeface.Regular, noteSize, breakText(r, d.Lang))+60)/float64(n))
			}
		}
	}
	if d.States {
		for _, r := range d.Rows {
			for _, m := range r.States {
				g.stateW = max(g.stateW, pillWidth(m.State))
			}
		}
		for _, l := range d.Lanes {
			g.stateW = max(g.stateW, pillWidth(l.Initial))
		}
		g.stateW += 8
	}
	for i := 1; i < len(d.Lanes); i++ {
		span = max(span, (headerWidth(d.Lanes[i-1])+headerWidth(d.Lanes[i]))/2+24)
	}
	timeW = max(timeW, typeface.Width(typeface.Regular, noteSize, timeHeadingIn(opts.AbsTime, d.Lang)))
	g.timeRight = margin + timeW
	x := g.timeRight + 16 + g.stateW
	if len(d.Lanes) > 0 {
		// The first header clears the time column's heading, which sits
		// on the headers' line: without states in the margin (--merged)
		// it would run into the box.
		x = max(x, g.timeRight+12+headerWidth(d.Lanes[0])/2)
	}
	for range d.Lanes {
		g.laneX = append(g.laneX, x)
		x += span
	}
	if len(g.laneX) == 0 {
		g.laneX = []float64{x}
	}
	g.right = g.laneX[len(g.laneX)-1] + g.stateW
	if len(d.Lanes) > 0 {
		g.right += headerWidth(d.Lanes[len(d.Lanes)-1]) / 2
	}
	g.lifeTop = margin + captionSize + 12 + headerH
	y := g.lifeTop + 8
	if d.States {
		y += 22 // the initial states
	}
	for _, r := range d.Rows {
		pitch := rowPitch
		switch {
		case r.Kind != RowSegment && r.Kind != RowLost:
			pitch = breakPitch
		case len(r.Findings) > 0 || len(r.Tags) > 0:
			pitch += noteSize // room for the notes under the arrow
		}
		g.rowTop = append(g.rowTop, y)
		g.rowY = append(g.rowY, y+min(pitch, rowPitch)/2+3)
		y += pitch
		g.rowBottom = append(g.rowBottom, y)
	}
	g.bottom = y + 10
	return g
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func pillWidth(state string) float64 {
	return typeface.Width(typeface.Mono, stateSize, state) + 2*pillPad
}

func headerWidth(l Lane) float64 {
	return max(typeface.Width(typeface.Regular, headerSize, l.Label()),
		typeface.Width(typeface.Regular, noteSize, l.Role)) + 20
}

// breakText is the text of a gap or fold row in drawn formats. Go's fonts
// lack "⋯", so three middle dots stand in for it.
func breakText(r *Row, l rules.Lang) string {
	switch r.Kind {
	case RowGap:
		return r.GapTextIn(l)
	case RowContinued:
		return r.Label
	}
	return r.FoldTextIn("···", l)
}

// notes are the texts under an arrow, by its head: rule IDs of findings,
// worst first, then tags.
func notes(r *Row) []Item {
	var its []Item
	for _, f := range r.worstFirst() {
		its = append(its, Item{Kind: KindText, Role: FindingTextRole(f.Severity), Text: Marked(f.Severity, f.Rule),
			Face: typeface.Mono, Size: noteSize})
	}
	for _, t := range r.Tags {
		its = append(its, Item{Kind: KindText, Role: RoleTag, Text: t, Face: typeface.Regular, Size: noteSize})
	}
	return its
}

// worstFirst are the row's findings, the most severe first.
func (r *Row) worstFirst() []rules.Finding {
	fs := slices.Clone(r.Findings)
	slices.SortStableFunc(fs, func(a, b rules.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	return fs
}

// MarkedRules are the rule IDs of the row's findings, the most severe
// first, each behind its severity's marker (see Marked), for the text
// formats (Mermaid, PlantUML) to show what the drawn ones show.
func (r *Row) MarkedRules() []string {
	var out []string
	for _, f := range r.worstFirst() {
		out = append(out, Marked(f.Severity, f.Rule))
	}
	return out
}

// Marked is a rule ID behind its severity's marker ("× data-after-fin",
// "! rst-unexpected", "window-full"), so that severities differ in more
// than colour.
func Marked(sev rules.Severity, rule string) string {
	if m := palette.CueOf(sev).Marker; m != "" {
		return m + " " + rule
	}
	return rule
}

func notesWidth(r *Row) float64 {
	w := 0.0
	for _, n := range notes(r) {
		w += n.TextWidth() + 8
	}
	return w
}

// title is an arrow's tooltip: where the segment was read, then every
// finding's rule and message.
func title(r *Row, l rules.Lang) string {
	var b strings.Builder
	if r.Pos != (tcp.Pos{}) {
		b.WriteString(r.Pos.String())
	}
	for _, f := range r.Findings {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(f.Rule + ": " + message(&f, l))
	}
	return b.String()
}
