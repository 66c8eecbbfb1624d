package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/rules"
)

// Text prints one line per finding, the way compilers and editors print
// diagnostics, then a one-line summary:
//
//	trace.txt:12: warning seq-gap: 1448 bytes not captured  10.0.0.1:40000 -> 10.0.0.2:80
type Text struct {
	// Color turns on ANSI colour for severities.
	Color bool
	// NoSummary leaves out the summary line.
	NoSummary bool
}

var severityColor = map[rules.Severity]string{
	rules.Error: "\x1b[1;31m", rules.Warning: "\x1b[33m", rules.Info: "\x1b[36m",
}

const colorReset = "\x1b[0m"

// Print implements Printer.
func (p Text) Print(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, f := range r.Files {
		for i := range f.Findings {
			fd := &f.Findings[i]
			sev := fd.Severity.String()
			if p.Color {
				sev = severityColor[fd.Severity] + sev + colorReset
			}
			fmt.Fprintf(&b, "%s: %s %s: %s  %s\n", cleanText(where(fd, f.Path)), sev, cleanText(fd.Rule),
				cleanText(fd.Message), cleanText(connText(fd.Conn)))
		}
	}
	// What could not be checked is printed even with -q: a quiet report
	// must not pass for a clean one.
	for _, f := range r.Files {
		for _, u := range f.Unchecked {
			fmt.Fprintf(&b, "%s: not checked (%s): %s\n", cleanText(f.Path), u.Reason, cleanText(u.Message))
		}
	}
	if !p.NoSummary {
		b.WriteString(summaryLine(r) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// summaryLine counts findings by severity, inputs and connections.
func summaryLine(r *Report) string {
	n := r.Counts()
	total := n[rules.Error] + n[rules.Warning] + n[rules.Info]
	s := plural(total, "finding")
	if total > 0 {
		s += fmt.Sprintf(" (%s, %s, %d info)", plural(n[rules.Error], "error"), plural(n[rules.Warning], "warning"), n[rules.Info])
	}
	s += fmt.Sprintf(" in %s, %s", plural(len(r.Files), "input"), plural(r.Conns(), "connection"))
	failed := 0
	for _, f := range r.Files {
		if f.Err != nil {
			failed++
		}
	}
	if failed > 0 {
		s += fmt.Sprintf("; %d could not be read to the end", failed)
	}
	if n := r.notChecked(); n > 0 {
		s += fmt.Sprintf("; %d not checked at all", n)
	}
	return s
}

// cleanText escapes control characters (newlines, escape sequences) in
// strings that come from inputs, such as file and host names, so that they
// cannot forge lines or drive the terminal.
func cleanText(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unsafeRune is a rune that is not a visible character or a space:
// control, format and bidirectional-override characters among them.
func unsafeRune(r rune) bool { return !strconv.IsPrint(r) }
