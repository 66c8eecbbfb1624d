package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/internal/safefile"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules/baseline"
)

// readBaseline reads --baseline FILE (see rules/baseline), at most maxMiB
// MiB of it; no name is no baseline.
func readBaseline(path string, maxMiB int) (*baseline.Baseline, error) {
	if path == "" {
		return nil, nil
	}
	data, err := readJSONFile(path, maxMiB)
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

// applyBaseline does --write-baseline (recording every finding of rep)
// and then --baseline (dropping the known ones from rep), with a note on
// stderr for each.
func applyBaseline(stderr io.Writer, rep *report.Report, known *baseline.Baseline, writePath string) error {
	if writePath != "" {
		var buf bytes.Buffer
		if err := pcaplint.Baseline(rep).Encode(&buf); err != nil {
			return err
		}
		if err := safefile.Write(writePath, safefile.Bytes(buf.Bytes())); err != nil {
			return fmt.Errorf("--write-baseline: %w", err)
		}
		fmt.Fprintf(stderr, "pcaplint: note: recorded %s in %s\n", findings(countFindings(rep)), writePath)
	}
	if known != nil {
		if n := pcaplint.DropKnown(rep, known); n > 0 {
			fmt.Fprintf(stderr, "pcaplint: note: %s known in the baseline not shown\n", findings(n))
		}
	}
	return nil
}

// countFindings counts the findings of every input.
func countFindings(rep *report.Report) int {
	n := 0
	for _, f := range rep.Files {
		n += len(f.Findings)
	}
	return n
}

// findings is "1 finding" or "n findings".
func findings(n int) string {
	if n == 1 {
		return "1 finding"
	}
	return fmt.Sprintf("%d findings", n)
}
