// Package dot writes a laid-out diagram as Graphviz DOT with every position
// pinned, for Graphviz's nop2 layout (the same as "neato -n2"): Graphviz
// draws, but places nothing, because its layouts do not know sequence
// diagrams.
package dot

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/palette"
)

// ArrowLen is the length of an arrowhead; arrowsize 0.7 of Graphviz's 10.
const ArrowLen = 7.0

// BaselineDrop is where Graphviz puts the baseline of a one-line label,
// below the node's centre, as a fraction of the font size.
const BaselineDrop = 0.3

// Graphviz's nop2 layout grows the bounding box by an invisible node's
// smallest size: half of 0.01 inch across and 0.02 inch high (measured).
const insetX, insetY = 0.36, 0.72

// ID is the identifier of scene item i in the DOT and the SVG drawn from it.
func ID(i int) string { return "i" + strconv.Itoa(i) }

// Write writes scene s coloured with palette p. Texts carry the font
// family names of package typeface.
func Write(w io.Writer, s *diagram.Scene, p diagram.Palette) error {
	bw := bufio.NewWriter(w)
	wr := &writer{w: bw, h: s.Height}
	fmt.Fprintf(bw, "// pcaplint sequence diagram; render with: neato -n2 -Tsvg\n")
	fmt.Fprintf(bw, "digraph pcaplint {\n")
	fmt.Fprintf(bw, "  graph [bb=\"0,0,%s,%s\", bgcolor=%q, pad=0, splines=true, outputorder=breadthfirst];\n",
		num(s.Width), num(s.Height), p.Background)
	fmt.Fprintf(bw, "  node [shape=none, label=\"\", width=0, height=0, margin=0, fixedsize=true];\n")
	fmt.Fprintf(bw, "  edge [dir=none, penwidth=1];\n")
	// Two invisible corners hold the drawing to the scene's size. Graphviz
	// gives every node at least 0.01 inch, so they sit that much inside.
	wr.point(insetX, s.Height-insetY)
	wr.point(s.Width-insetX, insetY)
	for i := range s.Items {
		wr.item(i, &s.Items[i], p)
	}
	fmt.Fprintf(bw, "}\n")
	return bw.Flush()
}

type writer struct {
	w     *bufio.Writer
	h     float64
	nodes int
}

// pt renders a scene point in Graphviz's coordinates, y growing up.
func (wr *writer) pt(x, y float64) string { return num(x) + "," + num(wr.h-y) }

// point adds an invisible node at (x, y) and returns its name.
func (wr *writer) point(x, y float64) string {
	wr.nodes++
	name := "p" + strconv.Itoa(wr.nodes)
	fmt.Fprintf(wr.w, "  %s [pos=\"%s!\", style=invis];\n", name, wr.pt(x, y))
	return name
}

func (wr *writer) item(i int, it *diagram.Item, p diagram.Palette) {
	paint := p.Paint(it.Role)
	switch it.Kind {
	case diagram.KindLine:
		wr.line(ID(i), it.Role, it.X1, it.Y1, it.X2, it.Y2, it.Dash, paint.Stroke, width(it.Role), "")
	case diagram.KindArrow:
		wr.arrow(ID(i), it, paint.Stroke)
	case diagram.KindText:
		cx := it.Left() + it.TextWidth()/2
		cy := it.Y1 - BaselineDrop*it.Size
		fmt.Fprintf(wr.w, "  %s [id=%s, class=%q, pos=\"%s!\", label=%s, fontname=%q, fontsize=%s, fontcolor=%q%s];\n",
			ID(i), ID(i), it.Role.String(), wr.pt(cx, cy), Quote(it.Text), it.Face.Family(), num(it.Size),
			paint.Fill, tooltip(it.Title))
	case diagram.KindBox:
		style := "filled"
		if it.Round {
			style = "rounded,filled"
		}
		stroke := paint.Stroke
		if stroke == "" {
			stroke = paint.Fill
			style += ",setlinewidth(0)"
		}
		fmt.Fprintf(wr.w, "  %s [id=%s, class=%q, shape=box, label=\" \", style=%q, pos=\"%s!\", width=%s, height=%s, fillcolor=%q, color=%q, penwidth=0.8];\n",
			ID(i), ID(i), it.Role.String(), style, wr.pt((it.X1+it.X2)/2, (it.Y1+it.Y2)/2),
			num((it.X2-it.X1)/72), num((it.Y2-it.Y1)/72), paint.Fill, stroke)
	}
}

// width is a line's stroke width: a finding's arrow as heavy as its
// severity's cue says (package palette), so that severities differ in
// more than colour.
func width(r diagram.Role) float64 {
	switch r {
	case diagram.RoleArrow, diagram.RoleLost:
		return 1.1
	case diagram.RoleInfo, diagram.RoleWarning, diagram.RoleError:
		return palette.CueOf(r.Severity()).Width
	}
	return 0.8
}

// line adds an edge drawn exactly from (x1,y1) to (x2,y2).
func (wr *writer) line(id string, role diagram.Role, x1, y1, x2, y2 float64, dash diagram.Dash, color string, pen float64, extra string) {
	a, b := wr.point(x1, y1), wr.point(x2, y2)
	fmt.Fprintf(wr.w, "  %s -> %s [id=%s, class=%q, pos=\"%s %s %s %s\", color=%q, penwidth=%s%s%s];\n",
		a, b, id, role.String(), wr.pt(x1, y1), wr.pt(x1, y1), wr.pt(x2, y2), wr.pt(x2, y2),
		color, num(pen), style(dash), extra)
}

func style(d diagram.Dash) string {
	switch d {
	case diagram.Dashed:
		return ", style=dashed"
	case diagram.Dotted:
		return ", style=dotted"
	}
	return ""
}

// arrow adds an edge ending in a head at (X2,Y2), or a line ending in a
// cross when the segment never arrived.
func (wr *writer) arrow(id string, it *diagram.Item, color string) {
	tip := tooltip(it.Title)
	if it.Cross {
		wr.line(id, it.Role, it.X1, it.Y1, it.X2, it.Y2, it.Dash, color, width(it.Role), tip)
		const c = 5.0
		wr.line(id+"x1", it.Role, it.X2-c, it.Y2-c, it.X2+c, it.Y2+c, diagram.Solid, color, 1.4, "")
		wr.line(id+"x2", it.Role, it.X2-c, it.Y2+c, it.X2+c, it.Y2-c, diagram.Solid, color, 1.4, "")
		return
	}
	dir := 1.0
	if it.X2 < it.X1 {
		dir = -1
	}
	bx := it.X2 - dir*ArrowLen
	head := fmt.Sprintf(", dir=forward, arrowhead=normal, arrowsize=0.7, fillcolor=%q", color)
	a, b := wr.point(it.X1, it.Y1), wr.point(it.X2, it.Y2)
	fmt.Fprintf(wr.w, "  %s -> %s [id=%s, class=%q, pos=\"e,%s %s %s %s %s\", color=%q, penwidth=%s%s%s%s];\n",
		a, b, id, it.Role.String(), wr.pt(it.X2, it.Y2), wr.pt(it.X1, it.Y1), wr.pt(it.X1, it.Y1),
		wr.pt(bx, it.Y2), wr.pt(bx, it.Y2), color, num(width(it.Role)), style(it.Dash), head, tip)
}

func tooltip(t string) string {
	if t == "" {
		return ""
	}
	return ", tooltip=" + Quote(t)
}

// num renders a coordinate with two decimals at most.
func num(f float64) string {
	return strconv.FormatFloat(float64(int64(f*100+0.5*sign(f)))/100, 'f', -1, 64)
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// Quote renders s as a DOT string that Graphviz prints as s: backslashes
// doubled (Graphviz reads \N, \l and others in labels), quotes escaped,
// ampersands written as entities (Graphviz passes entities through to SVG
// unescaped), newlines as \n, other control characters and invalid UTF-8
// dropped.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\n':
			b.WriteString(`\n`)
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
