package pcaplint

import (
	"iter"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/baseline"
)

// Baseline records every finding of rep (see rules/baseline).
func Baseline(rep *report.Report) *baseline.Baseline {
	return baseline.New(fileFindings(rep))
}

// DropKnown removes from rep the findings b knows, up to each key's count,
// and returns how many it removed.
func DropKnown(rep *report.Report, b *baseline.Baseline) int {
	m := b.Matcher()
	for i := range rep.Files {
		f := &rep.Files[i]
		f.Findings = m.Filter(f.Path, f.Findings)
	}
	return m.Removed
}

// fileFindings yields each input's path and findings.
func fileFindings(rep *report.Report) iter.Seq2[string, []rules.Finding] {
	return func(yield func(string, []rules.Finding) bool) {
		for _, f := range rep.Files {
			if !yield(f.Path, f.Findings) {
				return
			}
		}
	}
}
