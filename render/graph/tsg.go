package graph

import (
	"strings"
	"time"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/rules"
)

// tsgRange is the time-sequence graph's y range: the data sent and the
// ACKs, and the window limit unless it would squash them (it is then cut
// at the top, and the legend says so).
func (g *drawing) tsgRange(d rules.Dir) (lo, hi float64) {
	t := &g.cv.Dirs[d]
	hi = float64(t.Top)
	for _, c := range g.cv.Grid.Cols[d] {
		if c.Has&HasAck != 0 {
			hi = max(hi, float64(c.Ack))
		}
	}
	if edge := float64(t.Edge); edge > hi {
		hi = min(edge, hi*1.5+1)
	}
	return 0, hi
}

// tsg draws direction d's time-sequence graph: a tick per column from
// the lowest to the highest byte sent in it (new data, and resent data in
// the finding colour), SACK blocks as bars beside them, the cumulative
// ACK and the window limit as step lines, zero-window periods along the
// time axis.
func (g *drawing) tsg(d rules.Dir, p *plot, ta timeAxis) {
	cols := g.cv.Grid.Cols[d]
	var ticks, resent, sack strings.Builder
	for i := range cols {
		c := &cols[i]
		x, w := g.colX(p, ta, c.Index)
		cx := x + w/2
		if c.Has&HasNew != 0 {
			tick(&ticks, cx, p.y.at(float64(c.NewLo)), p.y.at(float64(c.NewHi)))
		}
		if c.Has&HasResent != 0 {
			tick(&resent, cx, p.y.at(float64(c.ReLo)), p.y.at(float64(c.ReHi)))
		}
		if c.Has&HasSack != 0 {
			tick(&sack, cx+2.5, p.y.at(float64(c.SackLo)), p.y.at(float64(c.SackHi)))
		}
	}
	g.stepLine(d, p, ta, HasWin, func(c *Column) int64 { return c.Edge }, roleWindow, 1.2,
		"window limit (ACK + advertised window)")
	g.stepLine(d, p, ta, HasAck, func(c *Column) int64 { return c.Ack }, roleAck, 1.5, "cumulative ACK")
	if sack.Len() > 0 {
		g.stroke(sack.String(), roleSack, 3, "", "")
		g.key(roleSack, swatchTick, "SACK blocks")
	}
	if ticks.Len() > 0 {
		g.stroke(ticks.String(), roleData, 1.2, "", "")
		g.key(roleData, swatchTick, "data sent")
	}
	if resent.Len() > 0 {
		g.stroke(resent.String(), roleResent, 2, "", "")
		g.key(roleResent, swatchTick, "resent or out of order (below the highest sequence number sent)")
	}
	g.zeroWindows(d, p, ta)
	if float64(g.cv.Dirs[d].Edge) > p.y.hi {
		g.note("The window limit is cut at the top of the graph where it rises above the data.")
	}
	g.columnsNote(ta)
}

// tick adds a vertical tick from y1 to y2 at x to path b, at least one
// pixel long, so that a small segment still shows.
func tick(b *strings.Builder, x, y1, y2 float64) {
	if y1-y2 < 1 {
		y2 = y1 - 1
	}
	b.WriteString("M" + num(x) + " " + num(y1) + "V" + num(y2))
}

// stepLine draws the values of the columns of d that have has as a line
// that holds each value until the next, cut to the plot.
func (g *drawing) stepLine(d rules.Dir, p *plot, ta timeAxis, has Has, value func(*Column) int64, r role, w float64, name string) bool {
	cols := g.cv.Grid.Cols[d]
	var b strings.Builder
	for i := range cols {
		c := &cols[i]
		if c.Has&has == 0 {
			continue
		}
		x, _ := g.colX(p, ta, c.Index)
		y := min(max(p.y.at(float64(value(c))), p.top), p.bottom)
		if b.Len() == 0 {
			b.WriteString("M" + num(x) + " " + num(y))
			continue
		}
		b.WriteString("H" + num(x) + "V" + num(y))
	}
	if b.Len() == 0 {
		return false
	}
	x, w := g.colX(p, ta, cols[len(cols)-1].Index)
	b.WriteString("H" + num(x+w))
	g.stroke(b.String(), r, w, "", "")
	g.key(r, swatchLine, name)
	return true
}

// zeroWindows marks each period from an ACK that closed the window to the
// one that opened it again, as a bar along the time axis.
func (g *drawing) zeroWindows(d rules.Dir, p *plot, ta timeAxis) {
	cols := g.cv.Grid.Cols[d]
	closed := int64(-1) // the column where the open period began
	bar := func(from, to int64) {
		start, _ := g.colX(p, ta, from)
		end, w := g.colX(p, ta, to)
		dur := time.Duration(to+1-from) * g.cv.Grid.Width
		title := g.sprintf("zero window advertised by the receiver for about %s", diagram.Duration(dur))
		g.fill(rect(start, p.bottom-6, max(end+w-start, 2), 6), roleFinding, title)
		g.key(roleFinding, swatchBox, "zero window")
	}
	for i := range cols {
		c := &cols[i]
		if c.Has&HasWin == 0 {
			continue
		}
		if c.Has&HasZeroWindow != 0 && closed < 0 {
			closed = c.Index
		}
		if closed >= 0 && c.Win > 0 {
			bar(closed, c.Index)
			closed = -1
		}
	}
	if closed >= 0 {
		bar(closed, cols[len(cols)-1].Index)
	}
}

// columnsNote says, once columns hold more than one instant, how wide they
// are.
func (g *drawing) columnsNote(ta timeAxis) {
	if !g.cv.Grid.Merged {
		return
	}
	g.note(g.sprintf("Each column sums %s of the connection (%d columns at most): a tick spans all its segments carried, a line holds its last value.",
		diagram.Duration(g.cv.Grid.Width), Columns))
}
