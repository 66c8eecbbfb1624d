package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/bench/synflood/flood"
)

// TestMaxConnsCapsTheTable: --max-conns sets the live-connection cap of
// every command that tracks connections, and a cap below 1 is a usage
// error.
func TestMaxConnsCapsTheTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "flood.pcap")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := flood.Write(w, 100); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
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
