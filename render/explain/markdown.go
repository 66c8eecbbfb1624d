package explain

import (
	"io"
	"strings"
)

// markdownPrinter writes a document to paste into docs or an issue: log
// lines in code blocks, explanations as bullet lists, the summary as a
// section of its own.
type markdownPrinter struct {
	w    io.Writer
	lang Lang
}

func (p *markdownPrinter) start(title, diagram string) error {
	var b strings.Builder
	if title != "" {
		b.WriteString("# " + mdEscape(p.lang.Render(M(kTitle, title))) + "\n\n")
	}
	if diagram != "" {
		b.WriteString("![" + mdEscape(p.lang.Render(M(kDiagramAlt))) + "](" + diagram + ")\n\n")
	}
	_, err := io.WriteString(p.w, b.String())
	return err
}

func (p *markdownPrinter) note(n *note) error {
	var b strings.Builder
	if n.tag != "" {
		b.WriteString("*" + mdEscape(n.tag) + "*\n\n")
	}
	b.WriteString("```\n" + n.line + "\n```\n\n")
	bullets(&b, n.sentences)
	_, err := io.WriteString(p.w, b.String())
	return err
}

func (p *markdownPrinter) summaries(sums []*summary) error {
	if len(sums) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("## " + p.lang.Render(M(kSummaryTitle)) + "\n\n")
	for _, s := range sums {
		bullets(&b, append(s.sentences, s.late...))
	}
	_, err := io.WriteString(p.w, b.String())
	return err
}

func bullets(b *strings.Builder, lines []string) {
	for _, l := range lines {
		b.WriteString("- " + mdEscape(l) + "\n")
	}
	b.WriteString("\n")
}

// mdEscaper escapes the characters that would start emphasis, code or
// HTML in explanation text (finding messages come from checks and may
// hold anything). Underscores stay: inside words such as SYN_SENT they
// never start emphasis in CommonMark.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "`", "\\`", "<", "&lt;")

func mdEscape(s string) string { return mdEscaper.Replace(s) }
