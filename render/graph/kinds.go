package graph

import (
	"time"

	"github.com/pcaplint/pcaplint/rules"
)

// valueRange is the y range of direction d's panel, the y axis's title
// and its labels' format.
func (g *drawing) valueRange(d rules.Dir) (lo, hi float64, name string, format func(v, step float64) string) {
	t := &g.cv.Dirs[d]
	switch g.opts.Kind {
	case Throughput:
		var top float64
		for _, b := range g.bins(d) {
			top = max(top, b.rate(b.newBytes+b.reBytes))
		}
		return 0, top, "bytes per second (k = 1,000)", bytesUnit
	case RTT:
		var top time.Duration
		for _, c := range g.cv.Grid.Cols[d] {
			top = max(top, c.RTT.Max)
		}
		g.rttUnit = timeAxisFor(top * 4 / 10)
		return 0, float64(top) / float64(g.rttUnit.unit), g.sprintf("round-trip time (%s)", g.rttUnit.name), plain
	case Window:
		return 0, float64(max(t.Win, t.Flight)), "bytes (k = 1,000)", bytesUnit
	}
	lo, hi = g.tsgRange(d)
	return lo, hi, "relative sequence number (bytes, k = 1,000)", bytesUnit
}
