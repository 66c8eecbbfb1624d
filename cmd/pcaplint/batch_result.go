package main

import (
	"context"
	"fmt"
	"io"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/batch"
)

// batchResult is a batch turned into a report, with what did not make it
// into the report.
type batchResult struct {
	rep *report.Report
	// diagrams and graphs map input paths to their diagrams and
	// time-sequence graphs by connection ID.
	diagrams, graphs map[string]map[int]string
	// errs are rule and diagram errors, in input order.
	errs []error
	// worst is the highest severity of the findings of the files emitted
	// while the batch ran (batch.emit), which the report no longer holds.
	worst rules.Severity
	// empty are the directories and patterns that yielded no input read.
	empty []string
	// allowEmpty (--allow-empty) accepts inputs without TCP and empty
	// directories and patterns: the report still says so, the exit code
	// does not.
	allowEmpty bool
	// lang is the language of what is said on stderr about the inputs.
	lang rules.Lang
}

// lint reads the inputs that are not skipped already (see
// pcaplint.ReadBatch) and assembles the report in input order.
func (b *batchRun) lint(ctx context.Context, ins []batch.Input, stderr io.Writer) *batchResult {
	if b.meter == nil {
		b.meter = newMeter(stderr, len(batch.ToRead(ins)))
	}
	ro := b.ro
	ro.NewEngine = b.newEngine
	opts := pcaplint.BatchOptions{Workers: b.workers, Grace: b.grace, Read: ro, OneTracker: b.diagrams != nil || b.custom,
		Done: func(f *report.File) { b.meter.done(f.Stats.Records) }, Emit: b.emit}
	if b.diagrams != nil {
		opts.Prepare = b.diagrams.prepare
	}
	br := pcaplint.ReadBatch(ctx, ins, opts)
	b.meter.close()
	b.emitErr = br.EmitErr
	res := &batchResult{rep: br.Report, errs: br.Errs, worst: br.Worst, diagrams: map[string]map[int]string{}, graphs: map[string]map[int]string{}}
	for path, kept := range br.Kept {
		d := kept.(*drawn)
		if len(d.diagrams) > 0 {
			res.diagrams[path] = d.diagrams
		}
		if len(d.graphs) > 0 {
			res.graphs[path] = d.graphs
		}
	}
	return res
}

// exit prints the errors and the unread inputs on stderr and returns the
// exit code: 2 for errors or an interruption, 1 for findings at or above
// failOn.
func (res *batchResult) exit(stderr io.Writer, failOn rules.Severity) error {
	for _, e := range res.errs {
		fmt.Fprintf(stderr, "pcaplint: error: %s\n", report.OneLine(e.Error()))
	}
	inputErr := inputErrors(stderr, res.rep, res.lang)
	unread := res.rep.Interrupted
	if len(unread) > 0 {
		format := "pcaplint: interrupted: %d inputs not processed:\n"
		if res.lang == rules.Chinese {
			format = "pcaplint: 运行被中断：%d 个输入没有处理：\n"
		}
		fmt.Fprintf(stderr, format, len(unread))
		for _, u := range unread {
			fmt.Fprintf(stderr, "  %s (%s)\n", report.OneLine(u.Path), report.ErrorText(u.Reason, res.lang))
		}
	}
	unchecked := res.notChecked(stderr)
	if inputErr != nil || unchecked || len(res.errs) > 0 || len(unread) > 0 {
		return exitCode(exitError)
	}
	if failOn != rules.Off && max(res.worst, worst(res.rep)) >= failOn {
		return exitCode(exitFindings)
	}
	return nil
}

// notChecked prints the inputs of which nothing could be checked, and the
// directories and patterns that yielded no input, and reports whether any
// of them makes the run fail: all do but empty ones with --allow-empty.
// An input that failed is reported by inputErrors already.
func (res *batchResult) notChecked(stderr io.Writer) bool {
	fail := false
	empty := "pcaplint: error: %s (--allow-empty accepts it)\n"
	if res.lang == rules.Chinese {
		empty = "pcaplint: 错误：%s（--allow-empty 可以接受）\n"
	}
	for _, e := range res.empty {
		if !res.allowEmpty {
			fmt.Fprintf(stderr, empty, report.OneLine(report.ErrorText(e, res.lang)))
			fail = true
		}
	}
	for _, f := range res.rep.Files {
		for _, u := range f.Unchecked {
			if !u.All || f.Err != nil || (res.allowEmpty && u.Reason == report.UncheckedNoTCP) {
				continue
			}
			format, hint := "pcaplint: error: %s: nothing checked: %s%s\n", " (--allow-empty accepts it)"
			if res.lang == rules.Chinese {
				format, hint = "pcaplint: 错误：%s：什么都没有检查：%s%s\n", "（--allow-empty 可以接受）"
			}
			if u.Reason != report.UncheckedNoTCP {
				hint = ""
			}
			fmt.Fprintf(stderr, format, report.OneLine(f.Path), report.OneLine(f.UncheckedText(u, res.lang)), hint)
			fail = true
		}
	}
	return fail
}
