package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/spf13/pflag"
)

// addReportFlags declares --format, --fail-on and --color, the options of
// the commands that print a report.
func addReportFlags(f *pflag.FlagSet, format, failOn, color *string) {
	f.StringVarP(format, "format", "f", "text", "output format: "+strings.Join(report.Formats, ", "))
	f.StringVar(failOn, "fail-on", "warning", "exit 1 on findings at or above: error, warning, info or never")
	f.StringVar(color, "color", "auto", "colour the text format: auto (on a terminal, unless NO_COLOR is set), always or never")
}

// newPrinter reads --format, --fail-on and --color and returns the
// report's printer and the failing severity.
func newPrinter(format, failOn, color string, stdout io.Writer, checks []*rules.Check) (report.Printer, rules.Severity, error) {
	fail, err := parseFailOn(failOn)
	if err != nil {
		return nil, rules.Off, err
	}
	colored, err := useColor(color, stdout)
	if err != nil {
		return nil, rules.Off, err
	}
	p, err := report.New(format, report.Options{Color: colored, FailOn: fail, Checks: checks, Version: version()})
	if err != nil {
		return nil, rules.Off, fmt.Errorf("--format: %w", err)
	}
	return p, fail, nil
}
