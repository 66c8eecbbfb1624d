package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const rstAbortLog = "../../testdata/captures/real/rst-abort.txt"

func TestBaselineRoundTrip(t *testing.T) {
	base := filepath.Join(t.TempDir(), "baseline.json")
	code, out, stderr := runCmd(t, stubChecks(), "lint", "--rules", "default", "--write-baseline", base, rstAbortLog)
	if code != exitClean || !strings.Contains(out, "push-data") || !strings.Contains(stderr, "recorded 1 finding in "+base) {
		t.Fatalf("--write-baseline: exit %d\n%s%s", code, out, stderr)
	}
	code, out, stderr = runCmd(t, stubChecks(), "lint", "--rules", "default", "--baseline", base, rstAbortLog)
	if code != exitClean || strings.Contains(out, "push-data") || !strings.Contains(stderr, "1 finding known in the baseline") {
		t.Errorf("--baseline: exit %d\n%s%s", code, out, stderr)
	}
	// Written again from the same findings, the file is the same.
	again := filepath.Join(t.TempDir(), "again.json")
	runCmd(t, stubChecks(), "lint", "--rules", "default", "--write-baseline", again, rstAbortLog)
	a, _ := os.ReadFile(base)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) || !strings.Contains(string(a), `"fingerprint": "client pushed # bytes"`) {
		t.Errorf("baselines differ or lack the fingerprint:\n%s\n%s", a, b)
	}
}

func TestBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"findings": 3}`), 0o644)
	zeros := filepath.Join(dir, "zeros.json")
	os.Symlink("/dev/zero", zeros) // as a link committed in a repository would
	big := filepath.Join(dir, "big.json")
	os.WriteFile(big, bytes.Repeat([]byte(" "), 1<<20+1), 0o644)
	tests := []struct{ file, want string }{
		{filepath.Join(dir, "missing.json"), "no such file; record the current findings with --write-baseline"},
		{bad, "not a pcaplint baseline"},
		{zeros, "more than 1 MiB of JSON; refusing it"},
		{big, "more than 1 MiB of JSON; refusing it"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, stubChecks(), "lint", "--max-json-mib", "1", "--baseline", tt.file, rstAbortLog)
		if code != exitError || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: exit %d, %q", tt.file, code, stderr)
		}
		// Only a missing file may be suggested as one to write.
		if tt.file != filepath.Join(dir, "missing.json") && strings.Contains(stderr, "--write-baseline") {
			t.Errorf("%s: suggests overwriting it: %q", tt.file, stderr)
		}
	}
	code, _, stderr := runCmd(t, stubChecks(), "merge", "--max-json-mib", "1", zeros)
	if code != exitError || !strings.Contains(stderr, "more than 1 MiB of JSON; refusing it") {
		t.Errorf("merge /dev/zero: exit %d, %q", code, stderr)
	}
}
