package main

import (
	"os"
	"strings"
	"testing"
)

// TestMillionSYNFlood lints a capture of a million unanswered SYNs with the
// default connection cap: it must finish, say that the table was full, and
// print about a thousand lines. It takes 15 s and 260 MB, so it runs
// only with PCAPLINT_HEAVY=1; rules/checks holds a small version.
func TestMillionSYNFlood(t *testing.T) {
	if os.Getenv("PCAPLINT_HEAVY") == "" {
		t.Skip("set PCAPLINT_HEAVY=1 to lint a million SYNs")
	}
	path := synFlood(t, 1_000_000)
	code, stdout, stderr := runCmd(t, builtinChecks(), "lint", "--rules", "default", path)
	if code != exitFindings {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	lines := strings.Count(stdout, "\n")
	for _, want := range []string{"959999 more connections evicted", "999000 more handshake-incomplete findings not shown", "1000000 connections"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if lines > 1010 {
		t.Errorf("%d lines of output, want about a thousand", lines)
	}
}
