package main

import (
	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/spf13/cobra"
)

// mergeFlags are the options of pcaplint merge.
type mergeFlags struct {
	format, failOn, html, diagramsDir string
	allowEmpty                        bool
	maxJSONMiB                        int
}

func newMergeCmd(checks []*rules.Check) *cobra.Command {
	var fl mergeFlags
	cmd := &cobra.Command{
		Use:     "merge REPORT.json...",
		Short:   "Join the JSON reports of lint shards into one report",
		Long:    longHelp("merge"),
		Example: longHelp("merge-examples"),
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMerge(cmd, checks, &fl, args)
		},
	}
	f := cmd.Flags()
	addReportFlags(f, &fl.format, &fl.failOn)
	f.StringVar(&fl.html, "html", "", "also write a self-contained HTML report to this file")
	f.StringVar(&fl.diagramsDir, "diagrams-dir", "", "where the shards wrote their --diagrams-dir, for the HTML report to link")
	f.BoolVar(&fl.allowEmpty, "allow-empty", false, "exit 0, not 2, for inputs that hold no TCP segment (the report still says so)")
	f.String("lang", "en", "language of the report: en or zh (the findings' messages are in Chinese when the shards were linted with --lang zh)")
	addMaxJSONFlag(f, &fl.maxJSONMiB)
	return cmd
}

// runMerge joins the reports (report.Merge), prints the merged one and
// turns what is wrong with the set into exit 2.
func runMerge(cmd *cobra.Command, checks []*rules.Check, fl *mergeFlags, names []string) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	printer, failOn, lang, err := newPrinter(cmd, fl.format, fl.failOn, stdout, checks)
	if err != nil {
		return err
	}
	m, err := pcaplint.Merge(names, func(name string) ([]byte, error) { return readJSONFile(name, fl.maxJSONMiB) })
	if err != nil {
		return err
	}
	if err := m.Print(stdout, printer); err != nil {
		return err
	}
	diagrams, graphs := pcaplint.Drawn(fl.diagramsDir, m.Report)
	d := report.Diagnostics{Errs: m.Problems, AllowEmpty: fl.allowEmpty, Lang: lang}
	return finish(stderr, m.Report, fl.html, fl.diagramsDir, diagrams, graphs, d, failOn != rules.Off && m.Report.Worst() >= failOn)
}
