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
	// Lang is the language of the findings' messages (English when
	// empty); rule IDs, severities and positions stay as they are.
	Lang rules.Lang
}

// Formats are the names New knows.
var Formats = []string{"text", "json", "sarif", "junit", "github", "markdown"}

// New returns the printer of a format.
func New(format string, o Options) (Printer, error) {
	switch format {
	case "text":
		return Text{Color: o.Color, NoSummary: o.Quiet, Lang: o.Lang}, nil
	case "json":
		return JSON{Lang: o.Lang}, nil
	case "sarif":
		return SARIF{Checks: o.Checks, Version: o.Version, Lang: o.Lang}, nil
	case "junit":
		return JUnit{FailOn: o.FailOn, Lang: o.Lang}, nil
	case "github":
		return GitHub{Lang: o.Lang}, nil
	case "markdown":
		return Markdown{Lang: o.Lang}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// message is a finding's message in language l: the check's words in l,
// or the English Message (also for a custom rule's, which is the user's).
func message(fd *rules.Finding, l rules.Lang) string {
	if l == "" {
		return fd.Message
	}
	return fd.Localized(l)
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
