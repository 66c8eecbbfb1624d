package graph

import (
	"slices"
	"strings"
	"time"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/palette"
	"github.com/pcaplint/pcaplint/rules"
)

// placed is a finding with its place on the graph.
type placed struct {
	f   rules.Finding
	at  time.Duration
	dir rules.Dir
	// onSeq is false for a finding not about one segment (one raised when
	// the connection ended) or whose segment showed no sequence number:
	// it is drawn on the time axis.
	onSeq  bool
	lo, hi int64
	// own is the sequence number of a segment without data in the other
	// direction, where it is drawn if dir has no panel.
	own    int64
	ownSeq bool
}

// placeFindings puts each finding on the segment it is about, as the
// Collector noted it. A finding that sums up those of its rule beyond the
// rule's limit is about no segment, nor about this connection only: it
// is left out (notShownNotes says it).
func placeFindings(cv *Conversation, fs []rules.Finding) []placed {
	out := make([]placed, 0, len(fs))
	for _, f := range fs {
		if f.NotShown() > 0 {
			continue
		}
		p := placed{f: f, at: cv.Grid.Offset(f.Time)}
		if m, ok := cv.Marks[f.Pos]; ok {
			p.at, p.dir, p.onSeq, p.lo, p.hi = m.At, m.Dir, m.Seq, m.Lo, m.Hi
			p.own, p.ownSeq = m.Own, m.OwnSeq
		}
		out = append(out, p)
	}
	return out
}

// notShownNotes says under the legend how many findings of a rule the
// rule set did not keep (beyond the rule's limit per input), so that a
// legend's count is not read as the number of losses, resends or
// whatever the rule reports: the graph marks only the findings kept.
func (g *drawing) notShownNotes() {
	for i := range g.opts.Findings {
		f := &g.opts.Findings[i]
		if n := f.NotShown(); n > 0 {
			g.note(g.sprintf("%s more %s findings in the input, beyond the rule's limit of findings per input, are not marked.",
				diagram.Thousands(int64(n)), f.Rule))
		}
	}
}

// markGroup is the findings drawn as one mark: those that fall on the
// same few pixels.
type markGroup struct {
	x, y   float64
	onAxis bool
	titles []string
	n      int
	worst  rules.Severity
}

// denseFindings is how many findings a graph marks at full size.
const denseFindings = 200

// maxTitles is how many findings one mark's tooltip lists.
const maxTitles = 8

// marks draws the findings of direction d (and, on the first panel, those
// without a sequence number) as diamonds in the finding colour, the rule
// IDs and messages in their tooltips, and adds each rule to the legend.
func (g *drawing) marks(d rules.Dir, p *plot, ta timeAxis, first bool, yOf func(pl *placed) (float64, bool)) {
	for i := range g.findings {
		// A segment without data whose ACK has no panel is drawn on
		// its own sequence number, if its panel is drawn.
		pl := &g.findings[i]
		if pl.onSeq && pl.ownSeq && !slices.Contains(g.dirs, pl.dir) && slices.Contains(g.dirs, pl.dir.Peer()) {
			pl.dir, pl.lo, pl.hi, pl.ownSeq = pl.dir.Peer(), pl.own, pl.own, false
		}
	}
	// Many findings (a long lossy transfer) are gathered in larger cells
	// and drawn smaller, so that the data they mark still shows.
	cell, radius := 4.0, 4.0
	if len(g.findings) > denseFindings {
		cell, radius = 10, 2.5
	}
	var groups []*markGroup
	index := map[[2]int]*markGroup{}
	counts := map[string]int{}
	worst := map[string]rules.Severity{}
	onAxisOnly := true
	for i := range g.findings {
		pl := &g.findings[i]
		x := p.timeX(ta, pl.at)
		y, ok := 0.0, false
		switch {
		case pl.onSeq && pl.dir == d:
			y, ok = yOf(pl)
		case !first || (pl.onSeq && slices.Contains(g.dirs, pl.dir)):
			continue // drawn on its own direction's panel
		}
		if !ok {
			y = p.top + 8 // a triangle's tip, the triangle inside the plot
		} else {
			onAxisOnly = false
		}
		y = min(max(y, p.top), p.bottom)
		counts[pl.f.Rule]++
		k := [2]int{int(x / cell), int(y / cell)}
		if !ok {
			k[1] = -1
		}
		mg := index[k]
		if mg == nil {
			mg = &markGroup{x: x, y: y, onAxis: !ok}
			index[k] = mg
			groups = append(groups, mg)
		}
		mg.n++
		mg.worst = max(mg.worst, pl.f.Severity)
		if sev, ok := worst[pl.f.Rule]; !ok || pl.f.Severity > sev {
			worst[pl.f.Rule] = pl.f.Severity
		}
		if len(mg.titles) < maxTitles {
			mg.titles = append(mg.titles, g.sprintf("%s %s: %s (%s)", pl.f.Severity.In(g.opts.Lang), pl.f.Rule, g.message(&pl.f), pl.f.Pos))
		}
	}
	for _, mg := range groups {
		title := strings.Join(mg.titles, "\n")
		if mg.n > len(mg.titles) {
			title += g.sprintf("\nand %d more here", mg.n-len(mg.titles))
		}
		r := severityRole(mg.worst)
		if mg.onAxis {
			g.fill(triangle(mg.x, mg.y), r, title)
			continue
		}
		// Hollow, so that the tick it marks still shows through; as
		// thick as the severity's cue, so that it reads without colour.
		g.stroke(diamond(mg.x, mg.y, radius), r, palette.CueOf(mg.worst).Width, "", title)
	}
	ids := make([]string, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	sw := swatchMark
	if onAxisOnly {
		sw = swatchTriangle
	}
	for _, id := range ids {
		sev := worst[id]
		g.key(severityRole(sev), sw, strings.TrimSpace(palette.CueOf(sev).Marker+" "+g.sprintf("%s %s ×%d", sev.In(g.opts.Lang), id, counts[id])))
	}
}

// triangle is a small downward triangle with its tip at (x, y): a finding
// placed by time only.
func triangle(x, y float64) string {
	return "M" + num(x-4.5) + " " + num(y-7) + "h9l-4.5 7Z"
}
