package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/pcaplint/pcaplint/internal/cli"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// addReportFlags declares --format and --fail-on, the options of the
// commands that print a report (--color and --quiet are global).
func addReportFlags(f *pflag.FlagSet, format, failOn *string) {
	f.StringVarP(format, "format", "f", "text", "output format: "+strings.Join(report.Formats, ", "))
	f.StringVar(failOn, "fail-on", "warning", "exit 1 on findings at or above: error, warning, info or never")
}

// langFlag reads --lang of a command that has it (lint): the language of
// the findings' messages; English without the flag.
func langFlag(cmd *cobra.Command) (rules.Lang, error) {
	fl := cmd.Flags().Lookup("lang")
	if fl == nil {
		return rules.English, nil
	}
	switch l := rules.Lang(fl.Value.String()); l {
	case rules.English, rules.Chinese:
		return l, nil
	}
	return "", fmt.Errorf("--lang: unknown language %q (want en or zh)", fl.Value.String())
}

// newPrinter reads --format, --fail-on, --lang and the global --color and
// --quiet, and returns the report's printer, the failing severity and the
// language.
func newPrinter(cmd *cobra.Command, format, failOn string, stdout io.Writer, checks []*rules.Check) (p report.Printer, fail rules.Severity, l rules.Lang, err error) {
	if fail, err = report.ParseFailOn(failOn); err != nil {
		return nil, rules.Off, "", err
	}
	colored, err := cli.UseColor(cmd, stdout)
	if err != nil {
		return nil, rules.Off, "", err
	}
	if l, err = langFlag(cmd); err != nil {
		return nil, rules.Off, "", err
	}
	p, err = report.New(format, report.Options{Color: colored, Quiet: cli.Quiet(cmd), FailOn: fail, Checks: checks, Version: cli.Version(), Lang: l})
	if err != nil {
		return nil, rules.Off, "", fmt.Errorf("--format: %w", err)
	}
	return p, fail, l, nil
}

// warnChinesePNG warns that a PNG in Chinese (diagram or graph --lang zh)
// cannot show the Chinese: it is drawn with Go's fonts only.
func warnChinesePNG(w io.Writer, l rules.Lang, format string) {
	if l == rules.Chinese && format == "png" {
		fmt.Fprintln(w, "pcaplint: warning: --lang zh: a PNG is drawn with Go's fonts, which have no Chinese characters; SVG shows them in the viewer's font")
	}
}
