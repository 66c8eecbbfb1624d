package html

import (
	"bytes"
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

// hostileReport has markup and script in every string that comes from an
// input: paths, host names, messages, errors, skip reasons.
func hostileReport() *report.Report {
	client := tcp.Endpoint{Name: `<img src=x onerror=alert(1)>`, Port: 1}
	server := tcp.Endpoint{Addr: netip.MustParseAddr("192.0.2.9"), Port: 80}
	c := &rules.Conn{ID: 1, Client: client, Server: server}
	return &report.Report{
		Files: []report.File{{
			Path:  `"><script>alert(1)</script>.pcap`,
			Conns: []*rules.Conn{c},
			Findings: []rules.Finding{{Rule: "rst-unexpected", Severity: rules.Warning,
				Message: `</td><script>alert(2)</script>`, Pos: tcp.Pos{Packet: 3}, Conn: c.Ref()}},
		}, {Path: "b.pcap", Err: errors.New(`<b>broken</b>`)}},
		Skipped: []report.Skip{{Path: "notes<script>.md", Reason: `it is "text" & <markup>`}},
	}
}

func TestPageEscapesEverythingFromInputs(t *testing.T) {
	var b bytes.Buffer
	links := map[string]map[int]string{`"><script>alert(1)</script>.pcap`: {1: RelativeURL(`out/a b/"x".svg`)}}
	if err := Write(&b, hostileReport(), Options{Diagrams: links}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script>alert", "<img src=x", "<b>broken", "<markup>", `"x".svg`} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q unescaped", bad)
		}
	}
	if strings.Count(page, "<script>") != 1 {
		t.Errorf("page has %d script elements, want only its own", strings.Count(page, "<script>"))
	}
	for _, want := range []string{"&lt;script&gt;alert(2)", `href="out/a%20b/%22x%22.svg"`, `data-rule="rst-unexpected"`, "3 files (1 read, 1 failed, 1 skipped)"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestPageFetchesNothing(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, hostileReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	for _, remote := range []string{"http://", "https://", "//cdn", "<link", "src=\"/"} {
		if strings.Contains(b.String(), remote) {
			t.Errorf("page refers to %q", remote)
		}
	}
}

func TestRelativeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"out/a.pcap/1-x.svg", "out/a.pcap/1-x.svg"},
		{"../diagrams/a b/1.svg", "../diagrams/a%20b/1.svg"},
		{"x/%3F?#.svg", "x/%253F%3F%23.svg"},
	}
	for _, tt := range tests {
		if got := RelativeURL(tt.in); got != tt.want {
			t.Errorf("RelativeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
