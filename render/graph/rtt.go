package graph

import (
	"strings"
	"time"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/rules"
)

// rtt draws direction d's round-trip samples: per column the range from
// the shortest to the longest sample and a dot at their mean; across the
// plot the minimum, the median and the 95th percentile.
func (g *drawing) rtt(d rules.Dir, p *plot, ta timeAxis) {
	t := &g.cv.Dirs[d]
	unit := float64(g.rttUnit.unit)
	var spans, dots strings.Builder
	for _, c := range g.cv.Grid.Cols[d] {
		if c.RTT.N == 0 {
			continue
		}
		x, w := g.colX(p, ta, c.Index)
		cx := x + w/2
		if c.RTT.Max > c.RTT.Min {
			spans.WriteString("M" + num(cx) + " " + num(p.y.at(float64(c.RTT.Min)/unit)) + "V" + num(p.y.at(float64(c.RTT.Max)/unit)))
		}
		dots.WriteString(rect(cx-1.5, p.y.at(float64(c.RTT.Mean())/unit)-1.5, 3, 3))
	}
	if t.Dist.Count() == 0 {
		g.note(g.sprintf("No round-trip sample for the data from the %s: no ACK advanced over a segment sent once, and no timestamp was echoed.", g.dir(d)))
		return
	}
	if spans.Len() > 0 {
		g.stroke(spans.String(), roleData, 1, "", "")
		g.key(roleData, swatchTick, "shortest to longest sample in a column")
	}
	g.fill(dots.String(), roleData, "")
	g.key(roleData, swatchBox, "mean of a column's samples")
	lines := []struct {
		v    time.Duration
		dash string
		sw   swatch
		name string
	}{
		{t.Dist.Min(), "", swatchLine, "minimum"},
		{t.Dist.Quantile(0.5), "4,2", swatchDashed, "median"},
		{t.Dist.Quantile(0.95), "1.5,2", swatchDotted, "95th percentile"},
	}
	for _, l := range lines {
		y := p.y.at(float64(l.v) / unit)
		g.line(p.left, y, p.right, y, roleAverage, 1, l.dash)
		g.key(roleAverage, l.sw, g.sprintf("%s %s (%s)", g.tr(l.name), diagram.Duration(l.v), g.dir(d)))
	}
	g.note(g.sprintf("From the %s: %s samples from ACKs of segments sent once (Karn's rule, RFC 6298), %s from the timestamp echoes of ACKs of resent data (RFC 7323), taken as conns --stats takes them; median and 95th percentile within 1 %%. The round trip is timed from the capture point: captured at the receiver, it is little more than the receiver's ACK delay.",
		g.dir(d), diagram.Thousands(int64(t.Karn.N)), diagram.Thousands(int64(t.Echo.N))))
}
