package explain

import (
	"io"
	"iter"
	"strings"

	"github.com/pcaplint/pcaplint/render/report"
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
		b.WriteString("![" + mdEscape(p.lang.Render(M(kDiagramAlt))) + "](" + mdLink(diagram) + ")\n\n")
	}
	_, err := io.WriteString(p.w, b.String())
	return err
}

func (p *markdownPrinter) note(n *note) error {
	var b strings.Builder
	if n.tag != "" {
		b.WriteString("*" + mdEscape(n.tag) + "*\n\n")
	}
	line := report.OneLine(n.line)
	fence := strings.Repeat("`", max(3, longestRun(line, '`')+1)) // a run of backticks in the line cannot end the block
	b.WriteString(fence + "\n" + line + "\n" + fence + "\n\n")
	bullets(&b, n.sentences)
	_, err := io.WriteString(p.w, b.String())
	return err
}

func (p *markdownPrinter) summaries(sums iter.Seq2[*summary, error]) error {
	return eachSummary(p.w, sums, "## "+p.lang.Render(M(kSummaryTitle))+"\n\n", func(b *strings.Builder, s *summary) {
		bullets(b, append(s.sentences, s.late...))
	})
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

// mdEscape escapes s for Markdown text, control characters (from file and
// host names) as the lint report does, then Markdown's own.
func mdEscape(s string) string { return mdEscaper.Replace(report.OneLine(s)) }

// mdLinkEscaper keeps a link destination written in angle brackets whole.
var mdLinkEscaper = strings.NewReplacer(`\`, `\\`, "<", `\<`, ">", `\>`)

// mdLink is a link destination: dest as it is, or in angle brackets,
// escaped, when it holds what would end or break a plain one (spaces,
// parentheses, angle brackets, backslashes, control characters).
func mdLink(dest string) string {
	dest = report.OneLine(dest)
	if !strings.ContainsAny(dest, ` ()<>\`) {
		return dest
	}
	return "<" + mdLinkEscaper.Replace(dest) + ">"
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	longest, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] != c {
			n = 0
			continue
		}
		n++
		longest = max(longest, n)
	}
	return longest
}
