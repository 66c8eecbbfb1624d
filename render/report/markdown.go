package report

import (
	"fmt"
	"io"
	"strings"

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
	var b strings.Builder
	fmt.Fprintf(&b, "### pcaplint: %s\n\n", summaryLine(r, p.Lang))
	if n := r.Counts(); n[rules.Error]+n[rules.Warning]+n[rules.Info] > 0 {
		b.WriteString(markdownHeader(p.Lang))
		for _, f := range r.Files {
			for i := range f.Findings {
				fd := &f.Findings[i]
				fmt.Fprintf(&b, "| %s %s | %s | %s | %s | %s |\n", markdownIcons[fd.Severity], fd.Severity.In(p.Lang),
					markdownCode(fd.Rule), markdownCode(where(fd, f.Path)),
					markdownCell(fd.Conn.Client.String()+" → "+fd.Conn.Server.String()), markdownCell(message(fd, p.Lang)))
			}
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
