package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/pcaplint/pcaplint/rules"
)

// GitHub prints GitHub Actions workflow commands, which annotate the
// files of a pull request:
//
//	::warning file=trace.txt,line=12,title=seq-gap::1448 bytes not captured (10.0.0.1:40000 -> 10.0.0.2:80)
//
// Captures have no lines: their annotations name the file and carry the
// packet number in the message.
type GitHub struct {
	// Lang is the language of the findings' messages (English when
	// empty); rule IDs, severities and positions stay as they are.
	Lang rules.Lang
}

// githubLevels map severities to workflow commands.
var githubLevels = map[rules.Severity]string{rules.Info: "notice", rules.Warning: "warning", rules.Error: "error"}

// Print implements Printer.
func (g GitHub) Print(w io.Writer, r *Report) error {
	return printStreamed(g, w, r)
}

// Finding implements Streamer: one finding's annotation.
func (g GitHub) Finding(w io.Writer, path string, fd *rules.Finding) error {
	props := "file=" + githubProperty(fileOf(fd, path))
	msg := message(fd, g.Lang)
	if fd.Pos.Line > 0 {
		props += fmt.Sprintf(",line=%d", fd.Pos.Line)
	} else if fd.Pos.Packet > 0 {
		msg = fmt.Sprintf("packet %d: %s", fd.Pos.Packet, msg)
	}
	props += ",title=" + githubProperty(fd.Rule)
	_, err := fmt.Fprintf(w, "::%s %s::%s\n", githubLevels[fd.Severity], props,
		githubData(msg+" ("+connText(fd.Conn)+")"))
	return err
}

// Tail implements Streamer: an annotation per input for what could not
// be checked, for what its capture lost, and for an input an interruption
// left unread.
func (p GitHub) Tail(w io.Writer, r *Report) error {
	var b strings.Builder
	for i, f := range r.Files {
		if loss := lossTextIn(&r.Files[i], p.Lang); loss != "" {
			fmt.Fprintf(&b, "::notice file=%s,title=capture loss::%s\n", githubProperty(f.Path), githubData(loss))
		}
		for _, u := range f.Unchecked {
			level := "warning"
			if u.All {
				level = "error"
			}
			fmt.Fprintf(&b, "::%s file=%s,title=%s::%s\n", level, githubProperty(f.Path),
				githubProperty("not checked: "+u.Reason), githubData(r.Files[i].UncheckedText(u, p.Lang)))
		}
	}
	for _, u := range r.Interrupted {
		msg := "interrupted (" + u.Reason + "): the report is incomplete"
		if p.Lang == rules.Chinese {
			msg = "运行被中断（" + ErrorText(u.Reason, p.Lang) + "）：报告不完整"
		}
		fmt.Fprintf(&b, "::error file=%s,title=not read: interrupted::%s\n", githubProperty(u.Path), githubData(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var (
	githubDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// githubData escapes a workflow command's message: %, CR and LF as the
// runner decodes them, then the other control characters as the text
// report does (the runner's log is shown in a terminal-like view).
func githubData(s string) string { return cleanText(githubDataEscaper.Replace(s)) }

// githubProperty escapes a property value: as a message, and also ':' and
// ',', which would end the property.
func githubProperty(s string) string { return cleanText(githubPropertyEscaper.Replace(s)) }
