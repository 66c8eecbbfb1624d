package main

import (
	"cmp"
	"context"
	"embed"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/internal/cli"
	"github.com/pcaplint/pcaplint/internal/memlimit"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/render/html"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/batch"
	"github.com/pcaplint/pcaplint/rules/pipeline"
	"github.com/pcaplint/pcaplint/rules/ruleset"
	"github.com/spf13/cobra"
)

// helpFiles hold the long help and the examples of pcaplint, lint, merge
// and conns.
//
//go:embed help
var helpFiles embed.FS

// longHelp is help/NAME.txt without its last newline.
func longHelp(name string) string {
	b, _ := helpFiles.ReadFile("help/" + name + ".txt")
	return strings.TrimSuffix(string(b), "\n")
}

// lintFlags are the options of pcaplint lint.
type lintFlags struct {
	format, failOn, rulesFile string
	baseline, writeBaseline   string
	maxJSONMiB                int
	overrides                 []string
	input                     parse.Options
	batch                     batchFlags
}

func newLintCmd(checks []*rules.Check) *cobra.Command {
	var fl lintFlags
	cmd := &cobra.Command{
		Use:     "lint FILE|DIR|-...",
		Short:   "Check TCP conversations against a rule set and report findings",
		Long:    longHelp("lint"),
		Example: longHelp("lint-examples"),
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			memlimit.Apply()
			return lint(cmd, checks, &fl, args)
		},
	}
	f := cmd.Flags()
	addReportFlags(f, &fl.format, &fl.failOn)
	f.StringVar(&fl.rulesFile, "rules", "", "rule file, or a built-in set: default, strict, minimal (default: the nearest "+ruleset.FileName+")")
	f.StringArrayVar(&fl.overrides, "rule", nil, "override a rule's severity: ID=error|warning|info|off (repeatable)")
	f.StringVar(&fl.baseline, "baseline", "", "fail only on findings not recorded in this baseline file")
	f.StringVar(&fl.writeBaseline, "write-baseline", "", "record the current findings in this baseline file (JSON) and exit 0")
	f.String("lang", "en", "language of the report, the --html page and the --diagrams-dir drawings: en or zh (JSON keeps message in English and adds message_localized)")
	addMaxJSONFlag(f, &fl.maxJSONMiB)
	addInputFlags(cmd, &fl.input, "absolute")
	addBatchFlags(cmd, &fl.batch)
	return cmd
}

// lint runs the lint command (pcaplint.Lint): everything that can be wrong
// with the flags, the rule set and the arguments is reported before any
// input is read. Ctrl-C or SIGTERM stops starting inputs; the report
// still covers what was read, and the exit code is 2.
func lint(cmd *cobra.Command, checks []*rules.Check, fl *lintFlags, args []string) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	printer, failOn, lang, err := newPrinter(cmd, fl.format, fl.failOn, stdout, checks)
	if err != nil {
		return err
	}
	cfg, err := pcaplint.LoadRules(fl.rulesFile, fl.overrides, checks)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitCode(exitError)
	}
	if err := fl.batch.check(); err != nil {
		return err
	}
	o := pcaplint.LintOptions{Checks: checks, Rules: cfg, Input: fl.input, MaxConns: maxConns, Format: fl.format,
		HTML: fl.batch.html != "", Workers: fl.batch.jobs, Grace: batch.DefaultGrace, WriteBaseline: fl.writeBaseline}
	readJSON := func(path string) ([]byte, error) { return readJSONFile(path, fl.maxJSONMiB) }
	if o.Baseline, err = pcaplint.ReadBaseline(fl.baseline, readJSON); err != nil {
		return err
	}
	if o.Shard, err = batch.ParseShard(fl.batch.shard, os.Getenv); err != nil {
		return fmt.Errorf("--shard %w", err)
	}
	ins, empty, err := pcaplint.Inputs(args, fl.batch.filters, o.Shard)
	if err != nil {
		return err
	}
	if fl.batch.diagramsDir != "" {
		sink, err := drawing.OpenDir(fl.batch.diagramsDir)
		if err != nil {
			return err
		}
		defer sink.Close()
		sink.All, sink.Lang, o.Draw = fl.batch.diagrams == "all", lang, pcaplint.DrawInto(sink)
	}
	o.Printer, o.Out = printer, stdout
	o.OnSegment = func(s *pipeline.Step) { cli.FlushWhenIdle(stdout, s.Src) }
	ctx, stop := signal.NotifyContext(cmp.Or(cmd.Context(), context.Background()), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if o.Streams(ins) { // the first interrupt lets the pipe be read to its end, a second stops pcaplint
		defer context.AfterFunc(ctx, stop)()
	}
	endBar := func() {}
	o.Progress = progressBar(stderr, &endBar)
	res := pcaplint.Lint(ctx, ins, o)
	endBar()
	rep := res.Report
	defer pcaplint.CloseSpools(rep)
	if err := res.WriteBaseline(); err != nil {
		return err
	}
	fmt.Fprint(stderr, res.Notes())
	if err := res.Print(); err != nil {
		return err
	}
	d := report.Diagnostics{Errs: res.Errs, Empty: append(empty, res.Unread...), AllowEmpty: fl.batch.allowEmpty, Lang: lang}
	diagrams, graphs := drawing.Collect(res.Kept)
	return finish(stderr, rep, fl.batch.html, fl.batch.diagramsDir, diagrams, graphs, d, res.Fails(failOn))
}

// finish writes the HTML page (--html, when page is set) of rep, linking
// the diagrams and graphs drawn under dir, prints what d says of rep on
// stderr and returns the exit code: 2 when that fails the run, 1 for
// findings that fail it.
func finish(stderr io.Writer, rep *report.Report, page, dir string, diagrams, graphs map[string]map[int]string, d report.Diagnostics, findings bool) error {
	if page != "" {
		if err := html.WriteFile(page, rep, dir, diagrams, graphs, d.Lang); err != nil {
			d.Errs = append(d.Errs, fmt.Errorf("--html: %w", err))
		}
	}
	text, failed := d.Text(rep)
	fmt.Fprint(stderr, text)
	switch {
	case failed:
		return exitCode(exitError)
	case findings:
		return exitCode(exitFindings)
	}
	return nil
}
