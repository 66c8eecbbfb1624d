package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// controls are C0 (ESC, BEL), DEL, C1 as UTF-8 (U+009B, the 8-bit CSI)
// and as a raw byte (0x9B, which an 8-bit terminal takes as CSI), and a
// bidirectional override.
const controls = "a\x1b[31mb\x07c\x7fd\u009b31me\x9b31mf\u202eg"

func TestControlCharactersAreEscapedInEveryHumanFormat(t *testing.T) {
	c := &rules.Conn{ID: 1, Client: tcp.Endpoint{Name: controls, Port: 1}, Server: ep("10.0.0.2", 80), Start: t0, End: t0}
	r := &Report{Files: []File{{Path: "in" + controls + ".txt", Conns: []*rules.Conn{c},
		Findings: []rules.Finding{finding(c, "custom-x", rules.Error, tcp.Pos{File: "in.txt", Line: 3}, "custom "+controls)}}}}
	o := Options{FailOn: rules.Info, Checks: sampleChecks()}
	outs := map[string][]byte{}
	for _, format := range []string{"text", "github", "markdown"} {
		outs[format] = print(t, format, o, r)
	}
	var table bytes.Buffer
	if err := WriteConnsTable(&table, r); err != nil {
		t.Fatal(err)
	}
	outs["conns table"] = table.Bytes()
	for format, out := range outs {
		for _, bad := range []string{"\x1b", "\x07", "\x7f", "\u009b", "\x9b", "\u202e"} {
			if bytes.Contains(out, []byte(bad)) {
				t.Errorf("%s: %q passes through:\n%q", format, bad, out)
			}
		}
		if !strings.Contains(string(out), `x1b`) || !strings.Contains(string(out), `x9b31mf`) {
			t.Errorf("%s: the controls are not shown escaped:\n%q", format, out)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain ascii", "plain ascii"},
		{"ünïcödé 中文", "ünïcödé 中文"},
		{"tab\there", `tab\there`},
		{"esc\x1b[2J", `esc\x1b[2J`},
		{"del\x7f", `del\x7f`},
		{"c1\u0085\u009b", `c1\u0085\u009b`},
		{"raw\x9b\xff", `raw\x9b\xff`},
		{"bidi\u202e", `bidi\u202e`},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
