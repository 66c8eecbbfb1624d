package graph

import (
	"strings"

	"github.com/pcaplint/pcaplint/rules"
)

// window draws the receive window the peer advertised to direction d
// (scaled, RFC 7323 section 2.2) and the bytes d had in flight, against
// time.
func (g *drawing) window(d rules.Dir, p *plot, ta timeAxis) {
	g.stepLine(d, p, ta, HasWin, func(c *Column) int64 { return c.Win }, roleWindow, 1.5,
		"advertised receive window (scaled)")
	var flight strings.Builder
	for _, c := range g.cv.Grid.Cols[d] {
		if c.Has&HasFlight == 0 {
			continue
		}
		x, w := g.colX(p, ta, c.Index)
		tick(&flight, x+w/2, p.y.at(0), p.y.at(float64(c.Flight)))
	}
	if flight.Len() > 0 {
		g.stroke(flight.String(), roleData, 1.2, "", "")
		g.key(roleData, swatchTick, "bytes in flight (most in a column)")
	}
	g.zeroWindows(d, p, ta)
	g.columnsNote(ta)
}
