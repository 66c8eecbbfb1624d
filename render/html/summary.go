package html

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"

	"github.com/pcaplint/pcaplint/render/report"
)

// maxFileGroups is how many files the "by file" summary names, those
// with the most findings first; the others are summed in one row. The
// files table below it lists every file with its count.
const maxFileGroups = 20

// group is one row of a summary table: a severity, a rule or a file with
// its findings counted by severity and drawn as a bar.
type group struct {
	Name string
	// Href applies the page's filter for the group (empty: none, as for
	// the row that sums the files not named).
	Href   string
	Total  int
	Counts [3]int // by severities' order
	Bar    []segment
	// Label says the counts in words, for the bar's tooltip and screen
	// readers.
	Label string
}

// segment is one severity's part of a group's bar, in the units of the
// bar's viewBox (barWidth wide).
type segment struct {
	Severity string
	X, W     float64
}

// barWidth is the width of a bar's viewBox: the longest bar fills it.
const barWidth = 1000

// summary counts the findings by severity, by rule and by file: the
// page's grouped overview, which needs no JavaScript.
type summary struct {
	BySeverity, ByRule, ByFile []group
}

// newSummary counts the findings of r. A file's filter names it by its
// index in the page's data, which lists the files inData keeps.
func newSummary(r *report.Report, o *Options) summary {
	byRule := map[string]*group{}
	var s summary
	for _, sev := range severities {
		s.BySeverity = append(s.BySeverity, group{Name: sev.String(), Href: "#severity=" + sev.String()})
	}
	listed := 0
	for i := range r.Files {
		f := &r.Files[i]
		if !inData(f, o) {
			continue
		}
		fg := group{Name: f.Path, Href: "#file=" + strconv.Itoa(listed)}
		listed++
		for j := range f.Findings {
			fd := &f.Findings[j]
			k := slices.Index(severities, fd.Severity)
			if k < 0 {
				continue
			}
			rg := byRule[fd.Rule]
			if rg == nil {
				rg = &group{Name: fd.Rule, Href: "#rule=" + url.QueryEscape(fd.Rule)}
				byRule[fd.Rule] = rg
			}
			rg.count(k)
			fg.count(k)
			s.BySeverity[k].count(k)
		}
		if fg.Total > 0 {
			s.ByFile = append(s.ByFile, fg)
		}
	}
	for _, g := range byRule {
		s.ByRule = append(s.ByRule, *g)
	}
	slices.SortFunc(s.ByRule, byTotal)
	slices.SortStableFunc(s.ByFile, byTotal)
	if len(s.ByFile) > maxFileGroups {
		rest := group{Name: otherFiles(len(s.ByFile)-maxFileGroups, o.Lang)}
		for _, g := range s.ByFile[maxFileGroups:] {
			for k, n := range g.Counts {
				rest.Counts[k] += n
				rest.Total += n
			}
		}
		s.ByFile = append(s.ByFile[:maxFileGroups], rest)
	}
	for _, gs := range [][]group{s.BySeverity, s.ByRule, s.ByFile} {
		drawBars(gs)
		for i := range gs {
			gs[i].Label = groupLabel(gs[i].Counts, o.Lang)
		}
	}
	return s
}

// inData reports whether the page's data lists f: it has findings,
// diagrams or graphs.
func inData(f *report.File, o *Options) bool {
	return len(f.Findings) > 0 || len(o.Diagrams[f.Path]) > 0 || len(o.Graphs[f.Path]) > 0
}

func (g *group) count(k int) {
	g.Counts[k]++
	g.Total++
}

// byTotal orders groups by their totals, largest first, then by name.
func byTotal(a, b group) int {
	return cmp.Or(cmp.Compare(b.Total, a.Total), cmp.Compare(a.Name, b.Name))
}

// drawBars lays out each group's bar: the largest total fills the
// width, and every other is to scale, split by severity.
func drawBars(gs []group) {
	most := 0
	for _, g := range gs {
		most = max(most, g.Total)
	}
	if most == 0 {
		return
	}
	for i := range gs {
		x := 0.0
		for k, n := range gs[i].Counts {
			if n == 0 {
				continue
			}
			w := float64(n) * barWidth / float64(most)
			gs[i].Bar = append(gs[i].Bar, segment{Severity: severities[k].String(), X: x, W: w})
			x += w
		}
	}
}
