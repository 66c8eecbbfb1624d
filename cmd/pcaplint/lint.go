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

// lintFlags are the options of pcaplint lint: those of pcaplint.Lint and
// those that make them.
type lintFlags struct {
	pcaplint.LintOptions
	failOn, rulesFile, baseline, shard, diagramsDir, diagrams, html string
	overrides                                                       []string
	filters                                                         batch.Filters
	maxJSONMiB                                                      int
	allowEmpty                                                      bool
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
	addReportFlags(f, &fl.Format, &fl.failOn)
	f.StringVar(&fl.rulesFile, "rules", "", "rule file, or a built-in set: default, strict, minimal (default: the nearest "+ruleset.FileName+")")
	f.StringArrayVar(&fl.overrides, "rule", nil, "override a rule's severity: ID=error|warning|info|off (repeatable)")
	f.StringVar(&fl.baseline, "baseline", "", "fail only on findings not recorded in this baseline file")
	f.StringVar(&fl.WriteBaseline, "write-baseline", "", "record the current findings in this baseline file (JSON) and exit 0")
	f.String("lang", "en", "language of the report, the --html page and the --diagrams-dir drawings: en or zh (JSON keeps message in English and adds message_localized)")
	addMaxJSONFlag(f, &fl.maxJSONMiB)
	addInputFlags(cmd, &fl.Input, "absolute")
	f.IntVarP(&fl.Workers, "jobs", "j", 0, "inputs read at once (default: the number of CPUs)")
	f.StringArrayVar(&fl.filters.Include, "include", nil, `read only files found under DIR or by a pattern that match this pattern (a name pattern such as '*.pcap', or a path pattern with '/' and '**'; repeatable)`)
	f.StringArrayVar(&fl.filters.Exclude, "exclude", nil, "leave out files found under DIR or by a pattern that match this pattern (listed as skipped; repeatable)")
	f.StringVar(&fl.shard, "shard", "", "read only part K (from 0) of N of the inputs, by a hash of their path: K/N, or auto/N to take K from $JOB_COMPLETION_INDEX")
	f.StringVar(&fl.diagramsDir, "diagrams-dir", "", "write an SVG sequence diagram per connection with findings to DIR/<input>/<n>-<client>-<server>.svg, and its time-sequence graph beside it (.tsg.svg)")
	f.StringVar(&fl.diagrams, "diagrams", "findings", "with --diagrams-dir, draw the connections with findings, or all")
	f.BoolVar(&fl.allowEmpty, "allow-empty", false, "exit 0, not 2, when an input holds no TCP segment or a directory or pattern no capture or log (the report still says so)")
	f.StringVar(&fl.html, "html", "", "also write a self-contained HTML report to this file, showing the diagrams and graphs of --diagrams-dir")
	return cmd
}

// lint runs the lint command (pcaplint.Lint): everything that can be wrong
// with the flags, the rule set and the arguments is reported before any
// input is read. Ctrl-C or SIGTERM stops starting inputs; the report
// still covers what was read, and the exit code is 2.
func lint(cmd *cobra.Command, checks []*rules.Check, fl *lintFlags, args []string) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	printer, failOn, lang, err := newPrinter(cmd, fl.Format, fl.failOn, stdout, checks)
	if err != nil {
		return err
	}
	cfg, err := loadRules(stderr, fl.rulesFile, fl.overrides, checks)
	if err != nil {
		return err
	}
	switch {
	case fl.Workers < 0:
		return fmt.Errorf("-j must be at least 1, not %d", fl.Workers)
	case fl.diagrams != "findings" && fl.diagrams != "all":
		return fmt.Errorf("--diagrams must be findings or all, not %q", fl.diagrams)
	}
	if err := fl.filters.Check(); err != nil {
		return fmt.Errorf("--include/--exclude: %w", err)
	}
	o := fl.LintOptions
	o.Checks, o.Rules, o.MaxConns, o.HTML, o.Grace = checks, cfg, maxConns, fl.html != "", batch.DefaultGrace
	readJSON := func(path string) ([]byte, error) { return readJSONFile(path, fl.maxJSONMiB) }
	if o.Baseline, err = pcaplint.ReadBaseline(fl.baseline, readJSON); err != nil {
		return err
	}
	if o.Shard, err = batch.ParseShard(fl.shard, os.Getenv); err != nil {
		return fmt.Errorf("--shard %w", err)
	}
	ins, empty, err := pcaplint.Inputs(args, fl.filters, o.Shard)
	if err != nil {
		return err
	}
	if fl.diagramsDir != "" {
		sink, err := drawing.OpenDir(fl.diagramsDir)
		if err != nil {
			return err
		}
		defer sink.Close()
		sink.All, sink.Lang, o.Draw = fl.diagrams == "all", lang, pcaplint.DrawInto(sink)
	}
	o.Printer, o.Out, o.OnSegment = printer, stdout, func(s *pipeline.Step) { cli.FlushWhenIdle(stdout, s.Src) }
	ctx, stop := signal.NotifyContext(cmp.Or(cmd.Context(), context.Background()), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if o.Streams(ins) { // the first interrupt lets the pipe be read to its end, a second stops pcaplint
		defer context.AfterFunc(ctx, stop)()
	}
	endBar := func() {}
	o.Progress = progressBar(stderr, &endBar) // sets endBar
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
	diagrams, graphs := drawing.Collect(res.Kept)
	d := report.Diagnostics{Errs: res.Errs, Empty: append(empty, res.Unread...), AllowEmpty: fl.allowEmpty, Lang: lang}
	return finish(stderr, rep, fl.html, fl.diagramsDir, diagrams, graphs, d, res.Fails(failOn))
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
