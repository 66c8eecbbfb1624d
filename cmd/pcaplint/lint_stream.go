package main

import (
	"context"
	"io"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/batch"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

// streamer returns the printer when lint prints the findings as they are
// found: one live input (tcpdump -l | pcaplint lint -), a format whose
// findings are lines of their own (text, github), and nothing that needs
// every finding first (a baseline, an HTML page, diagrams).
func streamer(fl *lintFlags, ins []batch.Input, printer report.Printer) (report.Streamer, bool) {
	st, ok := printer.(report.Streamer)
	if !ok || len(ins) != 1 || ins[0].Skip != "" || ins[0].Fail != nil {
		return nil, false
	}
	if fl.baseline != "" || fl.writeBaseline != "" || fl.batch.html != "" || fl.batch.diagramsDir != "" {
		return nil, false
	}
	return st, parse.IsLive(ins[0].Path)
}

// stream lints in with one tracker, printing each finding on w as the
// engine keeps it, which is when it is certain (at its segment, or at the
// end of its connection), and flushing w whenever the input goes quiet;
// the findings kept only at the end (a rule's summary beyond its limit)
// follow. The first interrupt lets the reading go on to the end of the
// input (the writer of the pipe is usually stopped by the same Ctrl-C); a
// second one stops pcaplint.
func (b *batchRun) stream(ctx context.Context, stop context.CancelFunc, in batch.Input, st report.Streamer, w io.Writer) *batchResult {
	res := &batchResult{rep: &report.Report{Files: []report.File{}}, diagrams: map[string]map[int]string{}}
	eng, err := b.newEngine()
	if err != nil {
		res.rep.Files = append(res.rep.Files, report.File{Path: in.Path, Err: err})
		return res
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-ctx.Done():
			stop()
		case <-done:
		}
	}()
	printed := make(map[rules.Finding]bool)
	eng.OnKeep = func(fd rules.Finding) {
		printed[fd] = true
		_ = st.Finding(w, in.Path, &fd)
	}
	ro := b.ro
	ro.NewEngine = func() (*rules.Engine, error) { return eng, nil }
	ro.OnSegment = func(st *pipeline.Step) { flushWhenIdle(w, st.Src) }
	f, _ := pcaplint.ReadFile(context.Background(), in.Path, ro)
	for i := range f.Findings {
		if !printed[f.Findings[i]] {
			_ = st.Finding(w, in.Path, &f.Findings[i])
		}
	}
	res.rep.Files = append(res.rep.Files, f)
	res.errs = eng.Errors
	return res
}
