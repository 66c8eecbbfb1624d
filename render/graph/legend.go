package graph

import (
	"strings"
)

// swatch is how a legend entry shows its role.
type swatch uint8

const (
	swatchTick     swatch = iota // a short vertical line
	swatchLine                   // a horizontal line
	swatchDashed                 // a dashed horizontal line
	swatchDotted                 // a dotted horizontal line
	swatchBox                    // a filled square
	swatchMark                   // a finding's diamond
	swatchTriangle               // a finding placed by time only
)

// legendEntry is one line of the legend: a swatch and what it means.
type legendEntry struct {
	role   role
	swatch swatch
	text   string
}

// key adds a legend entry, once.
func (g *drawing) key(r role, s swatch, text string) {
	text = g.tr(text)
	for _, e := range g.seen {
		if e.text == text {
			return
		}
	}
	g.seen = append(g.seen, legendEntry{r, s, text})
}

// legend draws the entries in rows, then the notes, from y down, and
// returns the bottom.
func (g *drawing) legend(y float64) float64 {
	x := float64(marginLeft)
	y += legendLine
	for _, e := range g.seen {
		w := legendSwatch + 6 + textWidth(e.text, fontSize) + 18
		if x+w > Width-marginRight && x > marginLeft {
			x = marginLeft
			y += legendLine
		}
		g.swatch(x, y-fontSize*0.35, e)
		g.label(x+legendSwatch+6, y, e.text, fontSize, left, roleInk)
		x += w
	}
	for _, n := range g.notes {
		for _, line := range wrap(n, Width-marginLeft-marginRight) {
			y += legendLine
			g.label(marginLeft, y, line, fontSize, left, roleMuted)
		}
	}
	return y + 4
}

// swatch draws e's sample with its middle at (x, y).
func (g *drawing) swatch(x, y float64, e legendEntry) {
	switch e.swatch {
	case swatchTick:
		g.line(x+legendSwatch/2, y-6, x+legendSwatch/2, y+6, e.role, 2, "")
	case swatchLine:
		g.line(x, y, x+legendSwatch, y, e.role, 2, "")
	case swatchDashed:
		g.line(x, y, x+legendSwatch, y, e.role, 1.5, "4,2")
	case swatchDotted:
		g.line(x, y, x+legendSwatch, y, e.role, 1.5, "1.5,2")
	case swatchBox:
		g.fill(rect(x+2, y-5, legendSwatch-4, 10), e.role, "")
	case swatchMark:
		g.stroke(diamond(x+legendSwatch/2, y, 4), e.role, 1.4, "", "")
	case swatchTriangle:
		g.fill(triangle(x+legendSwatch/2, y+3.5), e.role, "")
	}
}

// diamond is the path of a diamond of radius r around (x, y).
func diamond(x, y, r float64) string {
	return "M" + num(x) + " " + num(y-r) + "l" + num(r) + " " + num(r) + "l" + num(-r) + " " + num(r) + "l" + num(-r) + " " + num(-r) + "Z"
}

// wrap breaks s into lines no wider than width pixels, at spaces.
func wrap(s string, width float64) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(s) {
		if cur.Len() > 0 && textWidth(cur.String()+" "+w, fontSize) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
