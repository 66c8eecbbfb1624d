package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/pcaplint/pcaplint/internal/spill"
	"github.com/pcaplint/pcaplint/rules"
)

// Markdown prints a GitHub-flavoured Markdown summary, made for a CI job's
// summary page ($GITHUB_STEP_SUMMARY, a merge-request note): a heading
// with the counts, then one table row per finding.
//
//	| severity | rule | where | connection | message |
//	|---|---|---|---|---|
//	| warning | `seq-gap` | `trace.txt:12` | 10.0.0.1:40000 → 10.0.0.2:80 | 1448 bytes not captured |
type Markdown struct {
	// Lang is the language of the report's words (English when empty);
	// rule IDs, reasons and positions stay as they are.
	Lang rules.Lang
}

// markdownHeader is the head of the findings' table in language l.
func markdownHeader(l rules.Lang) string {
	if l == rules.Chinese {
		return "| 严重程度 | 规则 | 位置 | 连接 | 说明 |\n|---|---|---|---|---|\n"
	}
	return "| severity | rule | where | connection | message |\n|---|---|---|---|---|\n"
}

// couldNotReadIn is the format of the line of an input that could not
// be read to its end, in language l: its path, then the error.
func couldNotReadIn(l rules.Lang) string {
	if l == rules.Chinese {
		return "- 无法读取 %s：%s\n"
	}
	return "- could not read %s: %s\n"
}

// markdownIcons make severities stand out in a rendered table.
var markdownIcons = map[rules.Severity]string{rules.Error: "🔴", rules.Warning: "🟠", rules.Info: "🔵"}

// Print implements Printer.
func (p Markdown) Print(w io.Writer, r *Report) error {
	mw := p.Writer(w)
	return printEach(mw, r, mw.rows.Close)
}

// MarkdownWriter prints the Markdown format one input at a time, as each
// is done, so that the report of many inputs is never held whole. Its
// heading counts every finding, so the table's rows wait in a spill
// (memory up to a megabyte, a temporary file beyond) until Close.
type MarkdownWriter struct {
	p    Markdown
	w    io.Writer
	rows spill.Buffer
}

// Writer starts a Markdown report on w.
func (p Markdown) Writer(w io.Writer) *MarkdownWriter {
	return &MarkdownWriter{p: p, w: w, rows: spill.Buffer{Memory: spillMemory}}
}

// File adds one input's rows to the table.
func (m *MarkdownWriter) File(f *File) error {
	var b strings.Builder
	for i := range f.Findings {
		fd := &f.Findings[i]
		fmt.Fprintf(&b, "| %s %s | %s | %s | %s | %s |\n", markdownIcons[fd.Severity], fd.Severity.In(m.p.Lang),
			markdownCode(fd.Rule), markdownCode(where(fd, f.Path)),
			markdownCell(fd.Conn.Client.String()+" → "+fd.Conn.Server.String()), markdownCell(message(fd, m.p.Lang)))
	}
	_, err := io.WriteString(&m.rows, b.String())
	return err
}

// Close prints the report: the heading, the table of the rows File wrote,
// and a line per input that could not be read, lost packets or was not
// checked, and per input an interruption left unread.
func (m *MarkdownWriter) Close(r *Report) error {
	defer m.rows.Close()
	p, w := m.p, m.w
	var b strings.Builder
	fmt.Fprintf(&b, "### pcaplint: %s\n\n", summaryLine(r, p.Lang))
	if n := r.Counts(); n[rules.Error]+n[rules.Warning]+n[rules.Info] > 0 {
		b.WriteString(markdownHeader(p.Lang))
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		b.Reset()
		if _, err := m.rows.WriteTo(w); err != nil {
			return err
		}
		b.WriteString("\n")
	}
	for _, f := range r.Files {
		if f.Err != nil {
			fmt.Fprintf(&b, couldNotReadIn(p.Lang), markdownCode(f.Path), markdownCell(ErrorText(f.Err.Error(), p.Lang)))
		}
		if loss := lossTextIn(&f, p.Lang); loss != "" {
			fmt.Fprintf(&b, "- %s: %s\n", markdownCode(f.Path), markdownCell(loss))
		}
		for _, u := range f.Unchecked {
			fmt.Fprintf(&b, "- %s (%s): %s: %s\n", notCheckedIn(p.Lang), markdownCode(u.Reason), markdownCode(f.Path), markdownCell(f.UncheckedText(u, p.Lang)))
		}
	}
	for _, u := range r.Interrupted {
		fmt.Fprintf(&b, "- %s: %s: %s\n", notReadIn(p.Lang, true), markdownCode(u.Path), markdownCell(ErrorText(u.Reason, p.Lang)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// markdownCellEscaper keeps a string inside one table cell and shows it
// as text: pipes and Markdown and HTML punctuation are escaped, line
// breaks become spaces.
var markdownCellEscaper = strings.NewReplacer(
	"|", `\|`, "\\", `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "\r", " ", "\n", " ",
)

// markdownCell escapes s for a table cell.
func markdownCell(s string) string { return markdownCellEscaper.Replace(cleanText(s)) }

// markdownCode shows s as code in a table cell; a backtick or pipe in s
// falls back to escaped text, since code spans cannot escape them.
func markdownCode(s string) string {
	if strings.ContainsAny(s, "`|\r\n") {
		return markdownCell(s)
	}
	return "`" + cleanText(s) + "`"
}
