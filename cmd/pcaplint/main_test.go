package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// loopbackCapture is a real "tcpdump -i any" capture of one short, clean
// conversation (testdata/captures/real/README.md).
const loopbackCapture = "../../testdata/captures/real/loopback-9502-any.pcap"

// stubChecks stand in for rules/checks until it is merged: push-data
// reports every segment carrying PSH, as a warning by default.
// pushedText is push-data's message.
var pushedText = &rules.Texts{Key: "push-data", En: "%[1]s pushed %[2]d bytes", Zh: "%[1]s推送了 %[2]d 字节"}

// pushMin is push-data's least payload.
var pushMin = &rules.Param{Name: "min", Default: rules.IntValue(1), Doc: "fewest payload bytes"}

func stubChecks() []*rules.Check {
	return []*rules.Check{
		{ID: "push-data", Title: "A segment pushes data", Default: rules.Warning,
			Doc:      "Fires on every segment with PSH set.",
			Triggers: "IP 10.0.0.1.1 > 10.0.0.2.2: Flags [P.], seq 1:8, ack 1, win 512, length 7",
			Passes:   "IP 10.0.0.1.1 > 10.0.0.2.2: Flags [.], ack 1, win 512, length 0",
			RFC:      "RFC 9293 section 3.9.1.2", Wireshark: "none",
			Params: []*rules.Param{pushMin, {Name: "after", Default: rules.DurationValue(0), Doc: "ignore the first segments"}},
			Segment: func(p *rules.Pass) {
				if p.Seg.Flags.Has(tcp.PSH) && int(p.Seg.PayloadLen) >= p.Param(pushMin).Int() {
					p.Reportf(pushedText, p.Dir, p.Seg.PayloadLen)
				}
			}},
		{ID: "never-fires", Title: "Nothing", Default: rules.Off},
	}
}

// runCmd runs the command line with checks and returns the exit code and
// what it printed.
func runCmd(t *testing.T, checks []*rules.Check, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = execute(args, checks, &out, &errOut)
	return code, out.String(), errOut.String()
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/pcaplint -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test ./cmd/pcaplint -update and review the diff); got:\n%s", path, got)
	}
}

func TestLintOfTheLoopbackCaptureIsClean(t *testing.T) {
	if code := run([]string{"lint", "--rules", "default", loopbackCapture}); code != exitClean {
		t.Errorf("exit %d, want 0", code)
	}
	code, out, errOut := runCmd(t, builtinChecks(), "lint", "--rules", "default", "--fail-on", "info", loopbackCapture)
	if code != exitClean || !strings.HasPrefix(out, "0 findings in 1 input, 1 connection") || errOut != "" {
		t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
}

func TestLintExitCodes(t *testing.T) {
	dir := t.TempDir()
	badRules := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(badRules, []byte("rules:\n  push-dat: error\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a substring, or "" for no output
		stderr string
	}{
		{"warnings fail at the default level", []string{"lint", loopbackCapture}, 1, "2 findings (0 errors, 2 warnings, 0 info)", ""},
		{"warnings pass --fail-on error", []string{"lint", "--fail-on", "error", loopbackCapture}, 0, "2 findings", ""},
		{"nothing fails with --fail-on never", []string{"lint", "--fail-on", "never", "--rule", "push-data=error", loopbackCapture}, 0, "2 findings (2 errors", ""},
		{"a rule turned off", []string{"lint", "--rule", "push-data=off", loopbackCapture}, 0, "0 findings", ""},
		{"a rule raised to error", []string{"lint", "--fail-on", "error", "--rule", "push-data=error", loopbackCapture}, 1, "error push-data: client pushed 7 bytes", ""},
		{"a bad rule file stops before any input", []string{"lint", "--rules", badRules, loopbackCapture}, 2, "", `bad.yaml:2:3: unknown rule "push-dat" (did you mean push-data?)`},
		{"a bad override", []string{"lint", "--rule", "push-data=loud", loopbackCapture}, 2, "", "--rule push-data=loud"},
		{"an unknown format", []string{"lint", "--format", "xml", loopbackCapture}, 2, "", `unknown format "xml"`},
		{"a bad --fail-on", []string{"lint", "--fail-on", "off", loopbackCapture}, 2, "", "--fail-on must be"},
		{"a bad --color", []string{"lint", "--color", "yes", loopbackCapture}, 2, "", "--color must be"},
		{"no input", []string{"lint"}, 2, "", "missing FILE|DIR|-..."},
		{"a missing input still prints the report", []string{"lint", loopbackCapture, filepath.Join(dir, "missing.pcap")}, 2, "2 findings (0 errors, 2 warnings, 0 info) in 2 inputs", "missing.pcap: no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, stubChecks(), tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errOut)
			}
			if (tt.stdout == "" && out != "") || !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout %q, want %q", out, tt.stdout)
			}
			if !strings.Contains(errOut, tt.stderr) || (tt.stderr == "" && errOut != "") {
				t.Errorf("stderr %q, want %q", errOut, tt.stderr)
			}
		})
	}
}

func TestLintFindsTheNearestRuleFile(t *testing.T) {
	capture, err := filepath.Abs(loopbackCapture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".pcaplint.yaml"), []byte("rules:\n  push-data: {params: {min: 10}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	code, out, _ := runCmd(t, stubChecks(), "lint", "--format", "json", capture)
	if code != exitFindings || !strings.Contains(out, `"message": "server pushed 18 bytes"`) || strings.Contains(out, "client pushed") {
		t.Errorf("exit %d, the rule file's min param was not applied:\n%s", code, out)
	}
}

func TestLintOfADirectoryReadsItsFiles(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(loopbackCapture)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"b.pcap", "a.pcap"} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, _ := runCmd(t, stubChecks(), "lint", "--rule", "push-data=off", dir)
	if code != exitClean || !strings.Contains(out, "in 2 inputs, 2 connections") {
		t.Errorf("exit %d: %s", code, out)
	}
}

func TestLintRunsCustomRulesOnSegmentsAndConnections(t *testing.T) {
	rulesFile := filepath.Join(t.TempDir(), "custom.yaml")
	src := `rules:
  push-data: off
custom:
  - id: pushed
    on: segment
    severity: info
    when: psh && len > 0
    message: "{{from}} pushed {{len}} bytes at {{rel_seq}}"
  - id: closed-cleanly
    severity: error
    when: conn.state == "SF" && conn.established && conn.packets == 11
    message: "{{conn.client}} -> {{conn.server}} {{conn.history}}"
`
	if err := os.WriteFile(rulesFile, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, stubChecks(), "lint", "--rules", rulesFile, "--fail-on", "error", loopbackCapture)
	want := loopbackCapture + ":#4: info pushed: client pushed 7 bytes at 1  127.0.0.1:56198 -> 127.0.0.1:9502\n" +
		loopbackCapture + ":#6: info pushed: server pushed 18 bytes at 1  127.0.0.1:56198 -> 127.0.0.1:9502\n" +
		loopbackCapture + ":#11: error closed-cleanly: 127.0.0.1:56198 -> 127.0.0.1:9502 ShADadfF  127.0.0.1:56198 -> 127.0.0.1:9502\n" +
		"3 findings (1 error, 0 warnings, 2 info) in 1 input, 1 connection\n"
	if code != exitFindings || out != want {
		t.Errorf("exit %d\ngot:\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
	}
}
