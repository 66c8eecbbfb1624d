package graph

import (
	"math"
	"time"

	"github.com/pcaplint/pcaplint/render/diagram"
)

// axisLabel is a label under the time axis, centred on x.
type axisLabel struct {
	x    float64
	text string
}

// timeTicks draws the time axis's ticks, grid lines and labels. Each
// stretch between two breaks is labelled with the real time since the
// connection's first segment, on the scale's step. Each break is drawn as
// a gap in the plot, with how long the connection was idle under it; a
// tick label that would touch a break's label or the label before it is
// left out.
func (g *drawing) timeTicks(p *plot) {
	unit := float64(p.unit)
	step := p.x.step
	var ticks, breaks []axisLabel
	cut := 0.0 // in units: cut before the current stretch
	from := 0.0
	for i := 0; i <= len(p.breaks); i++ {
		to := p.x.hi
		if i < len(p.breaks) {
			to = math.Min(float64(p.breaks[i].At)/unit, to)
		}
		for v := math.Ceil((from+cut)/step-1e-9) * step; v-cut <= to+step*1e-9; v += step {
			off := time.Duration((v - cut) * unit)
			x := p.px(off)
			g.line(x, p.top, x, p.bottom, roleGrid, 0.5, "")
			g.line(x, p.bottom, x, p.bottom+4, roleAxis, 1, "")
			ticks = append(ticks, axisLabel{x, p.x.format(v+0, step)})
		}
		if i < len(p.breaks) {
			b := p.breaks[i]
			g.breakMark(p, b)
			breaks = append(breaks, axisLabel{p.px(b.At) + breakWidth/2, g.sprintf("%s idle", diagram.Duration(b.Idle))})
			cut += float64(b.Cut) / unit
			from = float64(b.At) / unit
		}
	}
	var placed [][2]float64
	fits := func(l axisLabel) bool {
		w := textWidth(l.text, fontSize)
		lo, hi := l.x-w/2-4, l.x+w/2+4
		for _, s := range placed {
			if lo < s[1] && hi > s[0] {
				return false
			}
		}
		placed = append(placed, [2]float64{lo, hi})
		return true
	}
	for _, l := range breaks {
		if fits(l) {
			g.label(l.x, p.bottom+16, l.text, fontSize, centre, roleInk)
		}
	}
	for _, l := range ticks {
		if fits(l) {
			g.label(l.x, p.bottom+16, l.text, fontSize, centre, roleMuted)
		}
	}
}

// breakMark draws a cut idle period: the plot's background across it,
// edged by dashed lines.
func (g *drawing) breakMark(p *plot, b Break) {
	x := p.px(b.At)
	g.fill(rect(x+1, p.top, breakWidth-2, p.bottom-p.top+4), roleBackground, g.sprintf("idle for %s: cut from the time axis", diagram.Duration(b.Idle)))
	g.line(x+1, p.top, x+1, p.bottom+4, roleAxis, 1, "3,2")
	g.line(x+breakWidth-1, p.top, x+breakWidth-1, p.bottom+4, roleAxis, 1, "3,2")
}
