package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/internal/safefile"
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

// writeBaseline writes the baseline res recorded to path
// (--write-baseline), with a note on stderr, and notes the findings
// --baseline dropped.
func writeBaseline(stderr io.Writer, res *pcaplint.LintResult, path string) error {
	if res.Baseline != nil {
		var buf bytes.Buffer
		if err := res.Baseline.Encode(&buf); err != nil {
			return err
		}
		if err := safefile.Write(path, safefile.Bytes(buf.Bytes())); err != nil {
			return fmt.Errorf("--write-baseline: %w", err)
		}
		fmt.Fprintf(stderr, "pcaplint: note: recorded %s in %s\n", findings(res.Recorded), path)
	}
	if res.Known > 0 {
		fmt.Fprintf(stderr, "pcaplint: note: %s known in the baseline not shown\n", findings(res.Known))
	}
	return nil
}

// findings is "1 finding" or "n findings".
func findings(n int) string {
	if n == 1 {
		return "1 finding"
	}
	return fmt.Sprintf("%d findings", n)
}
