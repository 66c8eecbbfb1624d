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

// StreamWriter prints a Streamer's format one input at a time: each
// input's findings as soon as it is done (File), what follows them at
// Close. The report of many inputs is then never held whole.
type StreamWriter struct {
	s Streamer
	w io.Writer
}

// NewStreamWriter starts s's report on w.
func NewStreamWriter(s Streamer, w io.Writer) *StreamWriter { return &StreamWriter{s: s, w: w} }

// File prints one input's findings.
func (sw *StreamWriter) File(f *File) error {
	var b strings.Builder
	for i := range f.Findings {
		_ = sw.s.Finding(&b, f.Path, &f.Findings[i])
	}
	_, err := io.WriteString(sw.w, b.String())
	return err
}

// Close prints the tail of r, whose files File printed.
func (sw *StreamWriter) Close(r *Report) error { return sw.s.Tail(sw.w, r) }
