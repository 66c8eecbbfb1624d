package report

import (
	"io"

	"github.com/pcaplint/pcaplint/rules"
)

// NewFileWriter returns the FileWriter of p's format on w, which prints
// the report as each input is done (the text format with the batch
// summary PrintBatch adds), or nil when the format is printed whole only
// (HTML).
func NewFileWriter(p Printer, w io.Writer) FileWriter {
	switch p := p.(type) {
	case JSON:
		jw := NewJSONWriter(w)
		jw.Lang = p.Lang
		return jw
	case JUnit:
		return p.Writer(w)
	case SARIF:
		return p.Writer(w)
	case Markdown:
		return p.Writer(w)
	case Text:
		return textWriter{NewStreamWriter(p, w), p, w}
	case GitHub:
		return NewStreamWriter(p, w)
	}
	return nil
}

// PrintBatch prints r with p and, after the text format of more than one
// input or of skipped files, the batch summary (WriteBatchSummary), which
// -q (Text.NoSummary) leaves out with the summary line.
func PrintBatch(w io.Writer, p Printer, r *Report) error {
	if err := p.Print(w, r); err != nil {
		return err
	}
	if t, ok := p.(Text); ok {
		return batchSummary(w, t, r)
	}
	return nil
}

// batchSummary prints the text format's batch summary, after the report
// of more than one input or of skipped files, unless NoSummary.
func batchSummary(w io.Writer, t Text, r *Report) error {
	if !t.NoSummary && (len(r.Files)+len(r.Skipped) > 1 || len(r.Skipped) > 0) {
		return WriteBatchSummary(w, r, t.Lang)
	}
	return nil
}

// textWriter is the text format printed as each input is done, with the
// batch summary at the end as PrintBatch prints it.
type textWriter struct {
	*StreamWriter
	t Text
	w io.Writer
}

// Close prints the tail and the batch summary.
func (tw textWriter) Close(r *Report) error {
	if err := tw.StreamWriter.Close(r); err != nil {
		return err
	}
	return batchSummary(tw.w, tw.t, r)
}

// Worst is the highest severity of the findings r holds (Off when none);
// the findings an input let go of once printed (Tally) are not counted.
func (r *Report) Worst() rules.Severity {
	w := rules.Off
	for _, f := range r.Files {
		for _, fd := range f.Findings {
			w = max(w, fd.Severity)
		}
	}
	return w
}
