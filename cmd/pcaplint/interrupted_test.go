package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnInterruptedLintSaysSoInEveryFormat runs lint on three inputs as if
// Ctrl-C came before any was started: the exit code is 2, and the report
// on standard output, in every format, says that it is incomplete and
// which inputs were not read, and so does the HTML page; merge keeps the
// marker; --write-baseline does not replace a baseline with one of part
// of the inputs.
func TestAnInterruptedLintSaysSoInEveryFormat(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.pcap", i)), craft(t, "ethernet.pcap"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	lint := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		code := executeContext(ctx, append([]string{"lint", dir}, args...), builtinChecks(), &out, &errOut)
		if code != exitError || !strings.Contains(errOut.String(), "pcaplint: interrupted: 3 inputs not processed") {
			t.Errorf("lint %v: exit %d, stderr %q; want 2 and the inputs not processed", args, code, errOut.String())
		}
		return out.String()
	}
	unread := filepath.Join(dir, "0.pcap")
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, unread + ": not read: interrupted (not started)"},
		{nil, "interrupted: 3 inputs not read, the report is incomplete"},
		{[]string{"-q"}, unread + ": not read: interrupted (not started)"},
		{[]string{"--format", "markdown"}, "- not read (interrupted): `" + unread + "`: not started"},
		{[]string{"--format", "github"}, "::error file=" + unread + ",title=not read: interrupted::"},
		{[]string{"--format", "sarif"}, `"executionSuccessful": false`},
		{[]string{"--format", "sarif"}, `"id": "interrupted"`},
		{[]string{"--format", "junit"}, `<testsuite name="pcaplint: interrupted" tests="3" failures="0" errors="3">`},
		{[]string{"--format", "junit"}, `<property name="incomplete" value="true">`},
	} {
		if out := lint(c.args...); !strings.Contains(out, c.want) {
			t.Errorf("lint %v: no %q in\n%s", c.args, c.want, out)
		}
	}
	// A baseline of part of the inputs is not written over the one there.
	base := filepath.Join(t.TempDir(), "baseline.json")
	os.WriteFile(base, []byte("the baseline of every input"), 0o644)
	var errOut bytes.Buffer
	if code := executeContext(ctx, []string{"lint", "--write-baseline", base, dir}, builtinChecks(), io.Discard, &errOut); code != exitError ||
		!strings.Contains(errOut.String(), "--write-baseline "+base+": not written: the run was interrupted with 3 inputs not read") {
		t.Errorf("lint --write-baseline, interrupted: exit %d, stderr %q", code, errOut.String())
	}
	if b, _ := os.ReadFile(base); string(b) != "the baseline of every input" {
		t.Errorf("an interrupted run wrote its baseline: %.80q", b)
	}
	// JSON is written input by input, unless something needs the whole
	// report first, such as the HTML page: both say it.
	page := filepath.Join(t.TempDir(), "report.html")
	for _, args := range [][]string{{"--format", "json"}, {"--format", "json", "--html", page}} {
		out := lint(args...)
		var doc struct {
			Incomplete bool `json:"incomplete"`
			Summary    struct {
				Unread int `json:"unread"`
			} `json:"summary"`
			Unread []struct{ Path, Reason string } `json:"unread"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("lint %v: %v", args, err)
		}
		if !doc.Incomplete || doc.Summary.Unread != 3 || len(doc.Unread) != 3 || doc.Unread[0].Path != unread {
			t.Errorf("lint %v: incomplete %v, summary.unread %d, unread %v; want true, 3 and the three inputs", args, doc.Incomplete, doc.Summary.Unread, doc.Unread)
		}
		if b, err := os.ReadFile(page); len(args) > 2 && (err != nil || !strings.Contains(string(b), "this report is incomplete")) {
			t.Errorf("lint %v: the page does not say it is incomplete (%v)", args, err)
		}
		shard := filepath.Join(t.TempDir(), "shard.json")
		if err := os.WriteFile(shard, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		code, merged, _ := runCmd(t, builtinChecks(), "merge", "--format", "json", shard)
		if code != exitError || !strings.Contains(merged, `"incomplete": true`) {
			t.Errorf("merge of an incomplete report: exit %d, want 2 and the report still incomplete:\n%s", code, merged)
		}
	}
}
