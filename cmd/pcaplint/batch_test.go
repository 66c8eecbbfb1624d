package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/report"
)

// lintJSON runs lint --format json with the built-in checks and decodes
// the report.
func lintJSON(t *testing.T, args ...string) (int, report.JSONReport, string) {
	t.Helper()
	code, out, errOut := runCmd(t, builtinChecks(), append([]string{"lint", "--format", "json", "--fail-on", "never"}, args...)...)
	var rep report.JSONReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("exit %d, stderr %s: %v", code, errOut, err)
	}
	return code, rep, errOut
}

// statuses reads every file's status from a report, failing on a file
// reported twice.
func statuses(t *testing.T, rep report.JSONReport) map[string]string {
	t.Helper()
	got := map[string]string{}
	set := func(path, status string) {
		if old, ok := got[path]; ok {
			t.Errorf("%s reported twice: %s and %s", path, old, status)
		}
		got[path] = status
	}
	for _, f := range rep.Files {
		switch {
		case f.Error != nil:
			set(f.Path, statusFailed)
		case len(f.Findings) > 0:
			set(f.Path, statusFindings)
		default:
			set(f.Path, statusOK)
		}
	}
	for _, s := range rep.Skipped {
		if s.Reason == "" {
			t.Errorf("%s skipped without a reason", s.Path)
		}
		set(s.Path, statusSkipped)
	}
	return got
}

func TestBatchReportsEveryFileOnceWithItsStatus(t *testing.T) {
	root, want := makeTree(t, 1000)
	code, rep, errOut := lintJSON(t, root)
	if code != exitError {
		t.Errorf("exit %d, want 2 for the truncated capture", code)
	}
	if !strings.Contains(errOut, "truncated.pcap") {
		t.Errorf("stderr does not name the truncated capture:\n%s", errOut)
	}
	got := statuses(t, rep)
	for path, status := range want {
		if got[path] != status {
			t.Errorf("%s: status %q, want %q", path, got[path], status)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d files reported, want %d", len(got), len(want))
	}
}

func TestBatchOutputIsTheSameForAnyNumberOfWorkers(t *testing.T) {
	root, _ := makeTree(t, 1000)
	for _, format := range []string{"text", "json", "sarif", "junit"} {
		t.Run(format, func(t *testing.T) {
			_, one, _ := runCmd(t, builtinChecks(), "lint", "-j", "1", "--format", format, root)
			_, many, _ := runCmd(t, builtinChecks(), "lint", "-j", "16", "--format", format, root)
			if one != many {
				t.Errorf("-j 1 and -j 16 differ:\n%s\n---\n%s", one, many)
			}
		})
	}
}

func TestShardsPartitionTheInputsExactly(t *testing.T) {
	root, want := makeTree(t, 1000)
	const n = 4
	seen := map[string]int{}
	for k := range n {
		_, rep, _ := lintJSON(t, "--shard", fmt.Sprintf("%d/%d", k, n), root)
		if rep.Shard == nil || rep.Shard.K != k || rep.Shard.N != n {
			t.Fatalf("shard %d/%d: report records %+v", k, n, rep.Shard)
		}
		for path := range statuses(t, rep) {
			seen[path]++
		}
		if len(rep.Shard.Inputs) != len(rep.Files)+len(rep.Skipped) {
			t.Errorf("shard %d: %d inputs recorded, %d reported", k, len(rep.Shard.Inputs), len(rep.Files)+len(rep.Skipped))
		}
	}
	for path := range want {
		if seen[path] != 1 {
			t.Errorf("%s is in %d shards, want 1", path, seen[path])
		}
	}
	if len(seen) != len(want) {
		t.Errorf("%d files over the shards, want %d", len(seen), len(want))
	}
}

func TestNamedFilesThatAreNotCapturesAreErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(path, []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, rep, errOut := lintJSON(t, path)
	if code != exitError || len(rep.Files) != 1 || rep.Files[0].Error == nil || len(rep.Skipped) != 0 {
		t.Errorf("exit %d, files %+v, skipped %+v; want exit 2 and a failed file", code, rep.Files, rep.Skipped)
	}
	if !strings.Contains(errOut, "not a capture") {
		t.Errorf("stderr: %s", errOut)
	}
}

func TestPatternsPickFiles(t *testing.T) {
	root, _ := makeTree(t, 20)
	tests := []struct {
		name       string
		args       []string
		files      int
		skipReason string
	}{
		{"a ** pattern finds nested files", []string{filepath.Join(root, "nested", "**", "*.pcap*")}, 2, ""},
		{"--include keeps gzip captures only", []string{"--include", "*.gz", filepath.Join(root, "nested")}, 1, "matches no --include pattern"},
		{"--exclude leaves out a directory", []string{"--exclude", "bulk/**", "--exclude", "broken/**", root}, 3, "excluded by --exclude"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, rep, errOut := lintJSON(t, tt.args...)
			if len(rep.Files) != tt.files {
				t.Errorf("%d files read, want %d (stderr %s)", len(rep.Files), tt.files, errOut)
			}
			if tt.skipReason == "" {
				return
			}
			found := false
			for _, s := range rep.Skipped {
				found = found || strings.HasPrefix(s.Reason, tt.skipReason)
			}
			if !found {
				t.Errorf("no file skipped with %q: %+v", tt.skipReason, rep.Skipped)
			}
		})
	}
}

func TestTextReportListsSkippedFilesAndSummarizes(t *testing.T) {
	root, _ := makeTree(t, 5)
	_, out, _ := runCmd(t, builtinChecks(), "lint", "--fail-on", "never", root)
	for _, want := range []string{
		"README.md: skipped: not a capture or tcpdump text: it is text",
		"loop: skipped: directory already listed",
		"summary: 14 files (8 read, 3 failed, 3 skipped)",
		"worst files:\n  " + filepath.Join(root, "broken", "truncated.pcap") + ": failed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
}
