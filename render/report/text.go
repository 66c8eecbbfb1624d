package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

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
	// Lang is the language of the report's words (English when empty):
	// the findings' messages and severities, what could not be checked,
	// the summary; rule IDs, reasons and positions stay as they are.
	Lang rules.Lang
}

var severityColor = map[rules.Severity]string{
	rules.Error: "\x1b[1;31m", rules.Warning: "\x1b[33m", rules.Info: "\x1b[36m",
}

const colorReset = "\x1b[0m"

// Print implements Printer.
func (p Text) Print(w io.Writer, r *Report) error {
	return printStreamed(p, w, r)
}

// Finding implements Streamer: one finding's line.
func (p Text) Finding(w io.Writer, path string, fd *rules.Finding) error {
	sev := fd.Severity.In(p.Lang)
	if p.Color {
		sev = severityColor[fd.Severity] + sev + colorReset
	}
	_, err := fmt.Fprintf(w, "%s: %s %s: %s  %s\n", cleanText(where(fd, path)), sev, cleanText(fd.Rule),
		cleanText(message(fd, p.Lang)), cleanText(connText(fd.Conn)))
	return err
}

// Tail implements Streamer: what could not be checked and the inputs an
// interruption left unread, printed even with -q (a quiet report must not
// pass for a clean one or a complete one), what the capture lost, and the
// summary.
func (p Text) Tail(w io.Writer, r *Report) error {
	var b strings.Builder
	for i, f := range r.Files {
		for _, u := range f.Unchecked {
			fmt.Fprintf(&b, "%s: %s (%s): %s\n", cleanText(f.Path), notCheckedIn(p.Lang), u.Reason, cleanText(f.UncheckedText(u, p.Lang)))
		}
		if loss := lossTextIn(&r.Files[i], p.Lang); loss != "" && !p.NoSummary {
			fmt.Fprintf(&b, "%s: %s\n", cleanText(f.Path), loss)
		}
	}
	for _, u := range r.Interrupted {
		fmt.Fprintf(&b, "%s: %s (%s)\n", cleanText(u.Path), notReadIn(p.Lang, false), cleanText(ErrorText(u.Reason, p.Lang)))
	}
	if !p.NoSummary {
		b.WriteString(summaryLine(r, p.Lang) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// summaryLine counts findings by severity, inputs and connections.
func summaryLine(r *Report, l rules.Lang) string {
	if l == rules.Chinese {
		return summaryLineZh(r)
	}
	n := r.Counts()
	total := n[rules.Error] + n[rules.Warning] + n[rules.Info]
	s := plural(total, "finding")
	if total > 0 {
		s += fmt.Sprintf(" (%s, %s, %d info)", plural(n[rules.Error], "error"), plural(n[rules.Warning], "warning"), n[rules.Info])
	}
	s += fmt.Sprintf(" in %s, %s", plural(len(r.Files), "input"), plural(r.Conns(), "connection"))
	failed := r.unread()
	if failed > 0 {
		s += fmt.Sprintf("; %d could not be read to the end", failed)
	}
	if n := r.notChecked(); n > 0 {
		s += fmt.Sprintf("; %d not checked at all", n)
	}
	if n := len(r.Interrupted); n > 0 {
		s += fmt.Sprintf("; interrupted: %s not read, the report is incomplete", plural(n, "input"))
	}
	if loss := r.lossSummary(); loss != "" && len(r.Files) > 1 {
		s += "; " + loss
	}
	return s
}

// unread counts the inputs that could not be read to their end.
func (r *Report) unread() int {
	n := 0
	for _, f := range r.Files {
		if f.Err != nil {
			n++
		}
	}
	return n
}

// summaryLineZh is summaryLine in Chinese: "共 1 条检查发现（错误 0、警告
// 1、提示 0），1 个输入，1 个连接".
func summaryLineZh(r *Report) string {
	n := r.Counts()
	total := n[rules.Error] + n[rules.Warning] + n[rules.Info]
	s := fmt.Sprintf("共 %d 条检查发现", total)
	if total > 0 {
		s += fmt.Sprintf("（错误 %d、警告 %d、提示 %d）", n[rules.Error], n[rules.Warning], n[rules.Info])
	}
	s += fmt.Sprintf("，%d 个输入，%d 个连接", len(r.Files), r.Conns())
	failed := r.unread()
	if failed > 0 {
		s += fmt.Sprintf("；%d 个输入没能读完", failed)
	}
	if n := r.notChecked(); n > 0 {
		s += fmt.Sprintf("；%d 个输入完全没有检查", n)
	}
	if n := len(r.Interrupted); n > 0 {
		s += fmt.Sprintf("；运行被中断：%d 个输入没有读，报告不完整", n)
	}
	if loss := r.lossSummaryIn(rules.Chinese); loss != "" && len(r.Files) > 1 {
		s += "；" + loss
	}
	return s
}

// cleanText escapes control characters (newlines, escape sequences) in
// strings that come from inputs, such as file and host names, so that they
// cannot forge lines or drive the terminal: C0 controls, DEL, C1 controls
// (U+0080-U+009F, among them U+009B, the 8-bit CSI), format and
// bidirectional-override characters, and bytes that are not UTF-8, which
// a terminal reading 8-bit controls takes as C1 (a raw 0x9B is CSI too).
// Every human-facing printer uses it.
func cleanText(s string) string {
	i := firstUnsafe(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstUnsafe is the offset of the first rune cleanText escapes, or -1.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return i
		}
		i += size
	}
	return -1
}

// unsafeRune is a rune that is not a visible character or a space:
// control, format and bidirectional-override characters among them.
func unsafeRune(r rune) bool { return !strconv.IsPrint(r) }
