package main

import (
	"strings"
	"testing"
)

// TestMaxConnsCapsTheTable: --max-conns sets the live-connection cap of
// every command that tracks connections, and a cap below 1 is a usage
// error.
func TestMaxConnsCapsTheTable(t *testing.T) {
	path := synFlood(t, 100)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"lint", "--rules", "default", "--max-conns", "8", path}, exitFindings, "connection table full"},
		{[]string{"lint", "--rules", "default", path}, exitFindings, "100 connections"},
		{[]string{"lint", "--max-conns", "0", path}, exitError, "--max-conns must be at least 1"},
		{[]string{"explain", "--max-conns", "1", path}, 0, "connection table full"},
	} {
		code, stdout, stderr := runCmd(t, builtinChecks(), tc.args...)
		if code != tc.code || !strings.Contains(stdout+stderr, tc.want) {
			t.Errorf("%v: exit %d, want %d with %q; stdout:\n%.600s\nstderr:\n%s", tc.args, code, tc.code, tc.want, stdout, stderr)
		}
		if strings.Contains(stdout, "connection table full") != strings.Contains(tc.want, "table full") {
			t.Errorf("%v: conn-table-full %v, want %v", tc.args, !strings.Contains(tc.want, "table full"), strings.Contains(tc.want, "table full"))
		}
	}
}
