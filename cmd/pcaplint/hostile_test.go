package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/report"
)

// hostileLog is tcpdump text whose host names carry markup, quotes,
// percent escapes, workflow-command separators and a backslash: all a
// name resolved through a hostile PTR record can hold. The last line does
// not parse, so that a warning names the file on standard error.
const hostileLog = `07:08:09.000000 IP <script>alert(1)</script>.51000 > a&b"c'd%0A::error::x.http: Flags [S], seq 1, win 5, length 0
07:08:09.100000 IP a&b"c'd%0A::error::x.http > <script>alert(1)</script>.51000: Flags [R.], seq 0, ack 2, win 0, length 0
07:08:10.000000 IP ]]></x>--{{x}}.52000 > 100%::warning::pwn%25\.https: Flags [S], seq 1, win 5, length 0
07:08:11.000000 IP <b>.1 > <i>.2: Flags [S], seq one, win 5, length 0
`

// hostileFileName can hold anything but a slash: here a newline that would
// start a forged line, and a workflow command after it.
const hostileFileName = "evil<&>\"%0A::error::\n::error file=x::forged.txt"

// writeHostileLog writes hostileLog under hostileFileName in a new
// directory and returns its path.
func writeHostileLog(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), hostileFileName)
	if err := os.WriteFile(path, []byte(hostileLog), 0o644); err != nil {
		t.Skipf("the file system refuses the name: %v", err)
	}
	return path
}

// noForgedLines fails when a line of out starts what only pcaplint may
// start: a workflow command (other than GitHub format's own) or the text
// after the file name's newline.
func noForgedLines(t *testing.T, what, out string, ownCommands bool) {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "::error file=x") || (!ownCommands && strings.HasPrefix(line, "::")) {
			t.Errorf("%s: forged line %q", what, line)
		}
	}
}

// wellFormedXML fails unless b is one well-formed XML document without a
// script element or an event-handler attribute.
func wellFormedXML(t *testing.T, what string, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", what, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if strings.EqualFold(se.Name.Local, "script") {
				t.Errorf("%s: a script element", what)
			}
			for _, a := range se.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Errorf("%s: event handler attribute %s", what, a.Name.Local)
				}
			}
		}
	}
}

// githubCommandsAreWhole fails unless every line is one workflow command
// whose properties hold no separator: the message starts at the first
// "::" after the command name.
func githubCommandsAreWhole(t *testing.T, out string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		rest, ok := strings.CutPrefix(line, "::")
		name, props, _ := strings.Cut(rest, " ")
		props, _, found := strings.Cut(props, "::")
		if !ok || !found || (name != "error" && name != "warning" && name != "notice") || strings.ContainsAny(props, ":\r") {
			t.Errorf("github: line %q is not one whole command", line)
		}
	}
	if strings.Contains(out, "%0A::error") && !strings.Contains(out, "%250A") {
		t.Errorf("github: a literal %%0A passes unescaped")
	}
}

func TestHostileNamesThroughLintInEveryFormat(t *testing.T) {
	path := writeHostileLog(t)
	for _, format := range report.Formats {
		t.Run(format, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, builtinChecks(), "lint", "--rules", "default", "--format", format, path)
			if code != exitFindings {
				t.Fatalf("exit %d, stderr %s", code, stderr)
			}
			if !strings.Contains(stderr, "pcaplint: warning: ") {
				t.Errorf("no warning on stderr: %q", stderr)
			}
			noForgedLines(t, "stderr", stderr, false)
			noForgedLines(t, format, stdout, format == "github")
			switch format {
			case "json", "sarif":
				if !json.Valid([]byte(stdout)) {
					t.Errorf("not valid JSON:\n%s", stdout)
				}
			case "junit":
				wellFormedXML(t, format, []byte(stdout))
			case "github":
				githubCommandsAreWhole(t, stdout)
			case "text":
				if n := strings.Count(stdout, "\n"); n != 3 {
					t.Errorf("%d lines, want 2 findings and the summary:\n%s", n, stdout)
				}
			}
		})
	}
}

func TestHostileNamesThroughDiagramInEveryFormat(t *testing.T) {
	path := writeHostileLog(t)
	for _, format := range []string{"svg", "png", "dot", "mermaid", "plantuml"} {
		t.Run(format, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "out")
			code, _, stderr := runCmd(t, builtinChecks(), "diagram", "--format", format, "-o", out+"/", path)
			if code != exitClean {
				t.Fatalf("exit %d, stderr %s", code, stderr)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 1 {
				t.Errorf("%d entries beside the output directory, want none", len(entries)-1)
			}
			files, _ := os.ReadDir(out)
			if len(files) != 2 {
				t.Fatalf("%d files, want one per connection", len(files))
			}
			for _, f := range files {
				if !f.Type().IsRegular() || strings.ContainsAny(f.Name(), "<>&\"'%:\\\n") {
					t.Errorf("output file %q", f.Name())
				}
				b, err := os.ReadFile(filepath.Join(out, f.Name()))
				if err != nil {
					t.Fatal(err)
				}
				checkDiagram(t, format, f.Name(), b)
			}
		})
	}
}

// checkDiagram fails when a diagram lets a hostile name out of its text.
func checkDiagram(t *testing.T, format, name string, b []byte) {
	t.Helper()
	s := string(b)
	switch format {
	case "svg":
		wellFormedXML(t, name, b)
	case "png":
		if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
			t.Errorf("%s: not a PNG", name)
		}
	case "dot":
		if _, err := exec.LookPath("dot"); err == nil {
			cmd := exec.Command("dot", "-Tsvg")
			cmd.Stdin = bytes.NewReader(b)
			svg, err := cmd.Output()
			if err != nil {
				t.Fatalf("%s: Graphviz refuses it: %v", name, err)
			}
			wellFormedXML(t, name+" through Graphviz", svg)
		}
	case "mermaid", "plantuml":
		if strings.Contains(s, "<script") || strings.Contains(s, "</x>") {
			t.Errorf("%s: markup passes unescaped:\n%s", name, s)
		}
	}
	if format == "plantuml" {
		for _, line := range strings.Split(s, "\n") {
			if strings.HasPrefix(line, "participant ") && strings.Count(line, `"`) != 2 {
				t.Errorf("%s: a quote inside a participant name: %s", name, line)
			}
		}
	}
}
