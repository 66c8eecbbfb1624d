package graph

import (
	"strings"
	"time"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/rules"
)

// throughputBars is about how many bars a throughput graph has: wide
// enough to read as a rate, narrow enough to show slow start.
const throughputBars = 100

// averageBars is how many bars the moving average spans.
const averageBars = 5

// bin is one throughput bar: the bytes sent in an interval.
type bin struct {
	index             int64 // the bar's place, in bars from the start
	width             time.Duration
	newBytes, reBytes int64
}

// rate is n bytes over the bar's interval, per second.
func (b *bin) rate(n int64) float64 { return float64(n) / b.width.Seconds() }

// bins sums direction d's columns into bars of a whole number of columns,
// about throughputBars over the connection.
func (g *drawing) bins(d rules.Dir) []bin {
	grid := &g.cv.Grid
	per := max(int64(grid.End()/grid.Width)/throughputBars, 1)
	width := time.Duration(per) * grid.Width
	var out []bin
	for _, c := range grid.Cols[d] {
		i := c.Index / per
		if n := len(out); n == 0 || out[n-1].index != i {
			out = append(out, bin{index: i, width: width})
		}
		b := &out[len(out)-1]
		b.newBytes += c.NewBytes
		b.reBytes += c.ReBytes
	}
	return out
}

// throughput draws direction d's bytes per bar, new data and resent data
// stacked, and the moving average of their sum.
func (g *drawing) throughput(d rules.Dir, p *plot, ta timeAxis) {
	bins := g.bins(d)
	if len(bins) == 0 {
		return
	}
	width := bins[0].width
	var good, resent, avg strings.Builder
	for i := range bins {
		b := &bins[i]
		x := p.timeX(ta, time.Duration(b.index)*width)
		w := max(p.timeX(ta, time.Duration(b.index+1)*width)-x-1, 1)
		y0 := p.y.at(0)
		y1 := p.y.at(b.rate(b.newBytes))
		y2 := p.y.at(b.rate(b.newBytes + b.reBytes))
		if b.newBytes > 0 {
			good.WriteString(rect(x, y1, w, y0-y1))
		}
		if b.reBytes > 0 {
			resent.WriteString(rect(x, y2, w, y1-y2))
		}
	}
	// The moving average runs over bars, empty ones counted as zero.
	first, last := bins[0].index, bins[len(bins)-1].index
	sums := make([]int64, last-first+1)
	for _, b := range bins {
		sums[b.index-first] = b.newBytes + b.reBytes
	}
	var window int64
	for i := range sums {
		window += sums[i]
		if i >= averageBars {
			window -= sums[i-averageBars]
		}
		n := min(i+1, averageBars)
		rate := float64(window) / (float64(n) * width.Seconds())
		x := p.timeX(ta, time.Duration(first+int64(i))*width+width/2)
		if i == 0 {
			avg.WriteString("M" + num(x) + " " + num(p.y.at(rate)))
		} else {
			avg.WriteString("L" + num(x) + " " + num(p.y.at(rate)))
		}
	}
	if good.Len() > 0 {
		g.fill(good.String(), roleData, "")
		g.key(roleData, swatchBox, "new data (goodput)")
	}
	if resent.Len() > 0 {
		g.fill(resent.String(), roleResent, "")
		g.key(roleResent, swatchBox, "resent or out of order")
	}
	g.stroke(avg.String(), roleAverage, 1.5, "", "")
	g.key(roleAverage, swatchLine, g.sprintf("moving average of %d bars", averageBars))
	g.note(g.sprintf("Each bar sums %s of the connection.", diagram.Duration(width)))
}
