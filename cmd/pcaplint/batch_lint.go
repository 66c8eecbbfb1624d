package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"syscall"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/batch"
	"github.com/pcaplint/pcaplint/rules/pipeline"
	"github.com/spf13/cobra"
)

// lintInputs expands the arguments, reads the inputs in parallel and
// prints the report. Ctrl-C or SIGTERM stops starting inputs; the report
// still covers what was read, and the exit code is 2.
func lintInputs(cmd *cobra.Command, checks []*rules.Check, cfg *rules.Config, fl *lintFlags, args []string, printer report.Printer, failOn rules.Severity) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if err := fl.batch.check(); err != nil {
		return err
	}
	known, err := readBaseline(fl.baseline, fl.maxJSONMiB)
	if err != nil {
		return err
	}
	sh, err := batch.ParseShard(fl.batch.shard, os.Getenv)
	if err != nil {
		return fmt.Errorf("--shard %w", err)
	}
	ins, empty, err := batch.Expand(args, fl.batch.filters)
	if err != nil {
		return err
	}
	slices.SortStableFunc(ins, func(a, b batch.Input) int { return cmp.Compare(a.Path, b.Path) })
	ins = sh.Pick(ins)
	ro := lintKeeps(fl.format, fl.input)
	// The HTML page needs at least each connection's ID and endpoints, in
	// Conns, which a spool leaves empty.
	switch {
	case fl.batch.html == "":
	case ro.Spool:
		ro.Keep, ro.Spool = pipeline.KeepConns, false // JSON prints them whole
	default:
		ro.Keep, ro.SpoolBrief = pipeline.KeepRefs, false // the page names connections by ID and endpoints, which is all it reads of them
	}
	b := &batchRun{workers: fl.batch.jobs, ro: ro, grace: batch.DefaultGrace,
		newEngine: func() (*rules.Engine, error) { return rules.NewEngine(checks, cfg) },
		custom:    cfg.ReadsConnID()}
	if fl.batch.diagramsDir != "" {
		if b.diagrams, err = newDiagramSink(fl.batch.diagramsDir, fl.batch.diagrams == "all"); err != nil {
			return err
		}
		b.diagrams.lang, _ = langFlag(cmd) // checked by newPrinter
		defer b.diagrams.Close()
	}
	// Every format is written as each input is done,
	// unless something needs the whole report before printing: a baseline
	// filters findings, and the HTML page lists everything.
	jw := fileWriter(printer, stdout)
	if jw != nil && fl.batch.html == "" && fl.baseline == "" && fl.writeBaseline == "" {
		b.emit = jw.File
	} else {
		jw = nil
	}
	ctx, stop := signal.NotifyContext(cmdContext(cmd), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, streaming := streamer(fl, ins, printer)
	var res *batchResult
	if streaming {
		res = b.stream(ctx, stop, ins[0], st, stdout)
	} else {
		res = b.lint(ctx, ins, stderr)
	}
	res.allowEmpty = fl.batch.allowEmpty
	res.lang, _ = langFlag(cmd) // checked by newPrinter
	res.empty = empty
	if sh == nil { // a shard holds only part of each argument's files: it judges none
		res.empty = append(res.empty, pcaplint.UnreadArgs(ins, res.rep)...)
	}
	writeBaseline := fl.writeBaseline
	if writeBaseline != "" && len(res.rep.Interrupted) > 0 {
		// A baseline of part of the inputs would replace the one there.
		res.errs = append(res.errs, fmt.Errorf("--write-baseline %s: not written: the run was interrupted with %d inputs not read", writeBaseline, len(res.rep.Interrupted)))
		writeBaseline = ""
	}
	if err := applyBaseline(stderr, res.rep, known, writeBaseline); err != nil {
		return err
	}
	if fl.writeBaseline != "" {
		failOn = rules.Off // recording a baseline accepts what is there
	}
	if sh != nil {
		res.rep.Shard = &report.Shard{K: sh.K, N: sh.N, Inputs: batch.Paths(ins)}
	}
	defer pcaplint.CloseSpools(res.rep)
	switch {
	case streaming:
		if err := st.Tail(stdout, res.rep); err != nil {
			return err
		}
	case jw != nil:
		if err := cmp.Or(b.emitErr, jw.Close(res.rep)); err != nil {
			return err
		}
	default:
		if err := printBatch(stdout, printer, res.rep); err != nil {
			return err
		}
	}
	if fl.batch.html != "" {
		if err := writeHTML(fl.batch.html, res.rep, fl.batch.diagramsDir, res.diagrams, res.graphs, res.lang); err != nil {
			res.errs = append(res.errs, err)
		}
	}
	return res.exit(stderr, failOn)
}

// fileWriter returns the report.FileWriter of printer's format on w, or nil
// when the format is printed whole only.
func fileWriter(printer report.Printer, w io.Writer) report.FileWriter {
	switch p := printer.(type) {
	case report.JSON:
		jw := report.NewJSONWriter(w)
		jw.Lang = p.Lang
		return jw
	case report.JUnit:
		return p.Writer(w)
	case report.SARIF:
		return p.Writer(w)
	case report.Markdown:
		return p.Writer(w)
	case report.Text:
		return textWriter{report.NewStreamWriter(p, w), p, w}
	case report.GitHub:
		return report.NewStreamWriter(p, w)
	}
	return nil
}

// printBatch prints rep with printer and, after the text format of more
// than one input or of skipped files, the batch summary, which -q (the
// text printer's NoSummary) leaves out with the summary line.
func printBatch(w io.Writer, printer report.Printer, rep *report.Report) error {
	if err := printer.Print(w, rep); err != nil {
		return err
	}
	if t, ok := printer.(report.Text); ok {
		return batchSummary(w, t, rep)
	}
	return nil
}

// batchSummary prints the text format's batch summary, after the report
// of more than one input or of skipped files, unless -q.
func batchSummary(w io.Writer, t report.Text, rep *report.Report) error {
	if !t.NoSummary && (len(rep.Files)+len(rep.Skipped) > 1 || len(rep.Skipped) > 0) {
		return report.WriteBatchSummary(w, rep, t.Lang)
	}
	return nil
}

// textWriter is the text format printed as each input is done, with the
// batch summary at the end as printBatch prints it.
type textWriter struct {
	*report.StreamWriter
	t report.Text
	w io.Writer
}

// Close prints the tail and the batch summary.
func (tw textWriter) Close(r *report.Report) error {
	if err := tw.StreamWriter.Close(r); err != nil {
		return err
	}
	return batchSummary(tw.w, tw.t, r)
}

// cmdContext is the command's context, or a background one when it was
// run without.
func cmdContext(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}
