package html

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"runtime"
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
	for _, want := range []string{`<a href="#rule=rst-unexpected">rst-unexpected</a>`, "3 files (1 read, 1 failed, 1 skipped)", "&lt;b&gt;broken"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	data := pageData(t, page)
	for _, want := range []string{`\u003c/td\u003e\u003cscript\u003ealert(2)`, `"out/a%20b/%22x%22.svg"`, `"\"\u003e\u003cscript\u003ealert(1)`} {
		if !strings.Contains(data, want) {
			t.Errorf("data lacks %s:\n%s", want, data)
		}
	}
}

// TestPageShowsEachConnectionsGraph checks that a connection's
// time-sequence graph reaches the page's data beside its diagram, escaped,
// and that a file with a graph but no finding or diagram is listed.
func TestPageShowsEachConnectionsGraph(t *testing.T) {
	r := hostileReport()
	c := &rules.Conn{ID: 2, Client: tcp.Endpoint{Name: "quiet", Port: 2}, Server: tcp.Endpoint{Name: "peer", Port: 80}}
	r.Files = append(r.Files, report.File{Path: "quiet.txt", Conns: []*rules.Conn{c}})
	hostile := `"><script>alert(1)</script>.pcap`
	var b bytes.Buffer
	o := Options{
		Diagrams: map[string]map[int]string{hostile: {1: RelativeURL(`out/a b/1.svg`)}},
		Graphs: map[string]map[int]string{
			hostile:     {1: RelativeURL(`out/a b/"x".tsg.svg`)},
			"quiet.txt": {2: RelativeURL("out/quiet.txt/2-quiet-peer.tsg.svg")},
		},
	}
	if err := Write(&b, r, o); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `"x".tsg.svg`) {
		t.Errorf("page holds the graph's name unescaped")
	}
	var doc struct {
		Files []struct {
			Path  string
			Conns [][]any
		}
	}
	if err := json.Unmarshal([]byte(pageData(t, b.String())), &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string][]any{
		hostile:     {1.0, `<img src=x onerror=alert(1)>:1`, "192.0.2.9:80", "out/a%20b/1.svg", "out/a%20b/%22x%22.tsg.svg"},
		"quiet.txt": {2.0, "quiet:2", "peer:80", "", "out/quiet.txt/2-quiet-peer.tsg.svg"},
	}
	if len(doc.Files) != len(want) {
		t.Fatalf("data lists %d files, want %d: %+v", len(doc.Files), len(want), doc.Files)
	}
	for _, f := range doc.Files {
		if len(f.Conns) != 1 || fmt.Sprint(f.Conns[0]) != fmt.Sprint(want[f.Path]) {
			t.Errorf("%s: conns %v, want [%v]", f.Path, f.Conns, want[f.Path])
		}
	}
}

// pageData returns the JSON document a page carries.
func pageData(t *testing.T, page string) string {
	t.Helper()
	b, err := ReadData([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(b) {
		t.Fatalf("data is not JSON: %s", b)
	}
	return string(b)
}

func TestAppendJSONString(t *testing.T) {
	tests := []string{"", "plain", `q"b\s`, "</script><!--", "a&b>c", "line\nbreak\ttab\x01", "\u2028\u2029", "bad \xff utf-8", "名前 → ü"}
	for _, in := range tests {
		out := appendJSONString(nil, in)
		if bytes.ContainsAny(out, "<>&\n") || strings.Contains(string(out), "\u2028") {
			t.Errorf("appendJSONString(%q) = %s: not inert in a script element", in, out)
		}
		var back string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Errorf("appendJSONString(%q) = %s: %v", in, out, err)
			continue
		}
		want := strings.ToValidUTF8(in, "\ufffd")
		if back != want {
			t.Errorf("appendJSONString(%q) reads back as %q", in, back)
		}
	}
}

// TestWriteHoldsNoCopy: writing the page of 100,000 findings allocates
// little per finding (nothing is copied from the report first) and
// makes a page of a few bytes per finding.
func TestWriteHoldsNoCopy(t *testing.T) {
	r, _, err := synthReport(200, 500, "")
	if err != nil {
		t.Fatal(err)
	}
	var cw countingWriter
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if err := Write(&cw, r, Options{}); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	perFinding := (after.TotalAlloc - before.TotalAlloc) / 100_000
	t.Logf("%d bytes of page, %d bytes allocated per finding", cw.n, perFinding)
	if perFinding > 200 {
		t.Errorf("%d bytes allocated per finding, want at most 200", perFinding)
	}
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(b []byte) (int, error) {
	c.n += int64(len(b))
	return len(b), nil
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

// TestEveryWordHasChinese wants each phrase the template and the script
// translate (t "…", t("…"), tf("…", …)) in the Chinese dictionary, so
// that a page in Chinese holds no English phrase of ours.
func TestEveryWordHasChinese(t *testing.T) {
	uses := regexp.MustCompile(`\bt \(?"([^"]+)"|\btf?\("((?:[^"\\]|\\.)+)"|\[c\[\d\], "([a-z ]+)", "([a-z -]+)"\]`)
	n := 0
	for _, src := range []string{pageText, pageJS} {
		for _, m := range uses.FindAllStringSubmatch(src, -1) {
			for _, w := range m[1:] {
				if w == "" {
					continue
				}
				n++
				if _, ok := zh[strings.ReplaceAll(w, `\"`, `"`)]; !ok {
					t.Errorf("%q has no Chinese", w)
				}
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d phrases found", n)
	}
	for _, s := range severities {
		if _, ok := zh[s.String()]; !ok {
			t.Errorf("severity %s has no Chinese", s)
		}
	}
}

// TestAnInterruptedReportsPageSaysItIsIncomplete: the files an
// interruption left unread are counted and listed, and the page says at
// the top that it is incomplete; a complete report's page does not.
func TestAnInterruptedReportsPageSaysItIsIncomplete(t *testing.T) {
	r := hostileReport()
	var complete bytes.Buffer
	if err := Write(&complete, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(complete.String(), "incomplete") {
		t.Error("a complete report's page says it is incomplete")
	}
	r.Interrupted = []report.Skip{{Path: "late<b>.pcap", Reason: "not started"}}
	var b bytes.Buffer
	if err := Write(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<p id="incomplete" class="st-interrupted" role="alert">Interrupted: 1 of the files were not read, so this report is incomplete.</p>`,
		"4 files (1 read, 1 failed, 1 skipped, 1 not read)",
		`<td class="path" data-label="File">late&lt;b&gt;.pcap</td><td class="st-interrupted" data-label="Status">interrupted: not started</td>`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("page lacks %q", want)
		}
	}
	b.Reset()
	if err := Write(&b, r, Options{Lang: rules.Chinese}); err != nil {
		t.Fatal(err)
	}
	if want := "运行被中断：1 个文件没有读取，这份报告不完整。"; !strings.Contains(b.String(), want) {
		t.Errorf("the Chinese page lacks %q", want)
	}
}
