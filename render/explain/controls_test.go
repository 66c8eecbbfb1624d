package explain

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// controls are what a host name resolved through a hostile PTR record, a
// file name or a log line may carry: C0 (ESC, BEL), DEL, C1 as UTF-8
// (U+009B, the 8-bit CSI) and as a raw byte (0x9B), a bidirectional
// override, and a run of backticks that would end a Markdown code block.
const controls = "a\x1b[31mb\x07c\x7fd\u009b31me\x9b31mf\u202eg````h"

// TestControlCharactersAreEscapedInExplanations: explain, in text and in
// Markdown, in English and Chinese, prints none of the controls of a
// host name, a log line, the title or the diagram's path raw; they show
// escaped as in the lint report.
func TestControlCharactersAreEscapedInExplanations(t *testing.T) {
	client := tcp.Endpoint{Name: controls, Port: 51000}
	server := tcp.Endpoint{Name: "192.0.2.80", Port: 80}
	t0 := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	const known = tcp.KnownAll &^ tcp.KnownChecksum
	segs := []tcp.Segment{
		{Src: client, Dst: server, Seq: 1, Window: 5, Flags: tcp.SYN, Known: known, Time: t0},
		{Src: server, Dst: client, Ack: 2, Flags: tcp.RST | tcp.ACK, Known: known, Time: t0.Add(100 * time.Millisecond)},
	}
	for _, md := range []bool{false, true} {
		for _, lang := range []Lang{English, Chinese} {
			lines := make([]string, len(segs))
			for i := range segs {
				segs[i].Pos = tcp.Pos{Line: i + 1}
				lines[i] = "09:30:00 IP " + controls + ".51000 > 192.0.2.80.80: line " + controls
			}
			out := explainAll(t, segs, lines, Options{Checks: checks.All(), Markdown: md, Lang: lang, Title: "in" + controls + ".txt", Diagram: "d" + controls + ").svg"})
			for _, bad := range []string{"\x1b", "\x07", "\x7f", "\u009b", "\u202e"} {
				if strings.Contains(out, bad) {
					t.Errorf("markdown %v, %s: %q passes through:\n%q", md, lang, bad, out)
				}
			}
			if !utf8.ValidString(out) {
				t.Errorf("markdown %v, %s: a byte that is not UTF-8 (a raw 0x9B) passes through:\n%q", md, lang, out)
			}
			if !strings.Contains(out, `x1b`) || !strings.Contains(out, `x9b31mf`) {
				t.Errorf("markdown %v, %s: the controls are not shown escaped:\n%s", md, lang, out)
			}
			if md && !strings.Contains(out, "\n`````\n") {
				t.Errorf("the code block's fence is not longer than the backticks of the line:\n%s", out)
			}
		}
	}
}
