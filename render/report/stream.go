package report

import (
	"io"
	"strings"

	"github.com/pcaplint/pcaplint/rules"
)

// A Streamer is a Printer whose findings are lines of their own, so that
// they can be printed one by one as they are found (lint of a live pipe)
// and the rest of the report at the end: Print is every Finding, then
// Tail. Formats that are one document (JSON, SARIF, JUnit) are not.
type Streamer interface {
	Printer
	// Finding prints one finding of the input at path.
	Finding(w io.Writer, path string, fd *rules.Finding) error
	// Tail prints what follows the findings: what could not be checked,
	// the summary.
	Tail(w io.Writer, r *Report) error
}

// printStreamed prints r with s as Print does: every finding, then the
// tail, in one write.
func printStreamed(s Streamer, w io.Writer, r *Report) error {
	var b strings.Builder
	for _, f := range r.Files {
		for i := range f.Findings {
			_ = s.Finding(&b, f.Path, &f.Findings[i])
		}
	}
	if err := s.Tail(&b, r); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}
