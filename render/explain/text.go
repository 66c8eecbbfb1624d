package explain

import (
	"io"
	"strings"
)

// textPrinter writes each log line followed by its explanation, indented,
// and a blank line: readable in a terminal while a pipe is still running.
type textPrinter struct {
	w    io.Writer
	lang Lang
}

func (p *textPrinter) start(string, string) error { return nil }

func (p *textPrinter) note(n *note) error {
	var b strings.Builder
	b.WriteString(n.line + "\n")
	if n.tag != "" {
		b.WriteString("  [" + n.tag + "]\n")
	}
	for _, s := range n.sentences {
		b.WriteString("  " + s + "\n")
	}
	b.WriteString("\n")
	_, err := io.WriteString(p.w, b.String())
	return err
}

func (p *textPrinter) summaries(sums []*summary) error {
	if len(sums) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString(p.lang.Render(M(kSummaryTitle)) + "\n")
	for _, s := range sums {
		for _, line := range s.sentences {
			b.WriteString("  " + line + "\n")
		}
		for _, line := range s.late {
			b.WriteString("  " + line + "\n")
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(p.w, b.String())
	return err
}
