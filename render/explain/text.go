package explain

import (
	"io"
	"iter"
	"strings"

	"github.com/pcaplint/pcaplint/render/report"
)

// textPrinter writes each log line followed by its explanation, indented,
// and a blank line: readable in a terminal while a pipe is still running.
// Control characters from the input (a host name in a log line, in a
// finding's message) are escaped as the lint report escapes them.
type textPrinter struct {
	w    io.Writer
	lang Lang
}

func (p *textPrinter) start(string, string) error { return nil }

func (p *textPrinter) note(n *note) error {
	var b strings.Builder
	b.WriteString(report.OneLine(n.line) + "\n")
	if n.tag != "" {
		b.WriteString("  [" + n.tag + "]\n")
	}
	for _, s := range n.sentences {
		b.WriteString("  " + report.OneLine(s) + "\n")
	}
	b.WriteString("\n")
	_, err := io.WriteString(p.w, b.String())
	return err
}

func (p *textPrinter) summaries(sums iter.Seq2[*summary, error]) error {
	return eachSummary(p.w, sums, p.lang.Render(M(kSummaryTitle))+"\n", func(b *strings.Builder, s *summary) {
		for _, line := range append(s.sentences, s.late...) {
			b.WriteString("  " + report.OneLine(line) + "\n")
		}
		b.WriteString("\n")
	})
}
