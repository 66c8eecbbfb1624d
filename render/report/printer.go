package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/pcaplint/pcaplint/rules"
)

// Printer prints the findings of a Report in one format.
type Printer interface {
	Print(w io.Writer, r *Report) error
}

// Options configure the printers.
type Options struct {
	// Color turns on ANSI colour in the text format.
	Color bool
	// Quiet leaves out the text format's summary line: findings only.
	Quiet bool
	// FailOn is the least severity that fails (JUnit failures); Off means
	// nothing fails.
	FailOn rules.Severity
	// Checks document the rules in SARIF's driver.
	Checks []*rules.Check
	// Version is pcaplint's version, for SARIF.
	Version string
}

// Formats are the names New knows.
var Formats = []string{"text", "json", "sarif", "junit", "github", "markdown"}

// New returns the printer of a format.
func New(format string, o Options) (Printer, error) {
	switch format {
	case "text":
		return Text{Color: o.Color, NoSummary: o.Quiet}, nil
	case "json":
		return JSON{}, nil
	case "sarif":
		return SARIF{Checks: o.Checks, Version: o.Version}, nil
	case "junit":
		return JUnit{FailOn: o.FailOn}, nil
	case "github":
		return GitHub{}, nil
	case "markdown":
		return Markdown{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// where is a finding's position as printers show it: "file:line" for text
// input, "file:#packet" for captures.
func where(f *rules.Finding, path string) string {
	file := fileOf(f, path)
	switch {
	case f.Pos.Line > 0:
		return fmt.Sprintf("%s:%d", file, f.Pos.Line)
	case f.Pos.Packet > 0:
		return fmt.Sprintf("%s:#%d", file, f.Pos.Packet)
	}
	return file
}

// connText names a finding's connection: "client -> server".
func connText(c rules.ConnRef) string { return c.Client.String() + " -> " + c.Server.String() }

// fileOf is the input a finding is in: its position's file, else the path
// of the input being printed.
func fileOf(f *rules.Finding, path string) string {
	if f.Pos.File != "" {
		return f.Pos.File
	}
	return path
}
