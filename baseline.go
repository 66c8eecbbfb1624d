package pcaplint

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"strings"

	"github.com/pcaplint/pcaplint/internal/safefile"

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

// ReadBaseline reads the baseline file at path (lint --baseline) with
// read (which bounds what it reads); no path is no baseline.
func ReadBaseline(path string, read func(string) ([]byte, error)) (*baseline.Baseline, error) {
	if path == "" {
		return nil, nil
	}
	data, err := read(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("--baseline %s: no such file; record the current findings with --write-baseline %s", path, path)
	}
	if err != nil {
		return nil, fmt.Errorf("--baseline: %w", err)
	}
	b, err := baseline.Parse(data)
	if err != nil {
		// No suggestion to overwrite path: it may be any file at all.
		return nil, fmt.Errorf("--baseline %s: %w", path, err)
	}
	return b, nil
}

// WriteBaseline writes the baseline Lint recorded (LintOptions.WriteBaseline)
// to its file, never through a symbolic link; nothing when none was
// recorded.
func (r *LintResult) WriteBaseline() error {
	if r.Baseline == nil {
		return nil
	}
	var buf bytes.Buffer
	if err := r.Baseline.Encode(&buf); err != nil {
		return err
	}
	if err := safefile.Write(r.baselineFile, safefile.Bytes(buf.Bytes())); err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	return nil
}

// Notes is what lint says on standard error of the baselines: the
// findings recorded in the baseline written, and those known in the
// baseline given and not shown; a line each.
func (r *LintResult) Notes() string {
	var b strings.Builder
	if r.Baseline != nil {
		fmt.Fprintf(&b, "pcaplint: note: recorded %s in %s\n", findings(r.Recorded), r.baselineFile)
	}
	if r.Known > 0 {
		fmt.Fprintf(&b, "pcaplint: note: %s known in the baseline not shown\n", findings(r.Known))
	}
	return b.String()
}

// findings is "1 finding" or "n findings".
func findings(n int) string {
	if n == 1 {
		return "1 finding"
	}
	return fmt.Sprintf("%d findings", n)
}
