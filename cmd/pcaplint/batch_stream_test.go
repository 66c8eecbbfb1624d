package main

import (
	"path/filepath"
	"testing"
)

// TestStreamedBatchJSONIsTheWholeReport lints a directory of captures and
// logs as JSON, written an input at a time as each is done, with one
// worker and with three: the output is the one printed from the whole
// report, as it is when --html needs the report whole.
func TestStreamedBatchJSONIsTheWholeReport(t *testing.T) {
	dir := "../../testdata/captures/real"
	page := filepath.Join(t.TempDir(), "index.html")
	wantCode, want, _ := runCmd(t, builtinChecks(), "lint", "-f", "json", "-j", "2", "--html", page, dir)
	for _, j := range []string{"1", "3"} {
		code, got, stderr := runCmd(t, builtinChecks(), "lint", "-f", "json", "-j", j, dir)
		if code != wantCode || got != want {
			t.Errorf("-j %s: exit %d (want %d), stderr %s; the streamed report differs:\n%.3000s\nwant\n%.3000s", j, code, wantCode, stderr, got, want)
		}
	}
}
