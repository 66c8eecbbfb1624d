package pcaplint

import (
	"cmp"
	"io"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

// printing is how Lint prints with LintOptions.Printer on Out.
type printing struct {
	p  report.Printer
	w  io.Writer
	fw report.FileWriter
	st report.Streamer
}

// hook sets o's Emit and Live to print with o.Printer as each input is
// done, or each finding of a live input as it is found (nil without a
// Printer).
func (o *LintOptions) hook() *printing {
	if o.Printer == nil {
		return nil
	}
	pr := &printing{p: o.Printer, w: o.Out, fw: report.NewFileWriter(o.Printer, o.Out)}
	if pr.fw != nil {
		o.Emit = pr.fw.File
	}
	if st, ok := o.Printer.(report.Streamer); ok {
		pr.st = st
		o.Live = func(path string, fd *rules.Finding) { _ = st.Finding(o.Out, path, fd) }
	}
	return pr
}

// Print prints with LintOptions.Printer what of the report is not printed
// yet: the tail of a streamed or emitted report (EmitErr first, if any),
// else the whole report (report.PrintBatch). Without a Printer it prints
// nothing.
func (r *LintResult) Print() error {
	pr := r.print
	switch {
	case pr == nil:
		return nil
	case r.Streamed:
		return pr.st.Tail(pr.w, r.Report)
	case r.Emitted:
		return cmp.Or(r.EmitErr, pr.fw.Close(r.Report))
	}
	return report.PrintBatch(pr.w, pr.p, r.Report)
}
