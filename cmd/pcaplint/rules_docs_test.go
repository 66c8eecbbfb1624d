package main

import (
	"os"
	"testing"
)

// TestDocsRulesIsUpToDate fails when a check's documentation changed and
// docs/rules.md was not generated again.
func TestDocsRulesIsUpToDate(t *testing.T) {
	const path = "../../docs/rules.md"
	want := rulesMarkdown(builtinChecks())
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go generate ./cmd/pcaplint)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s is stale: run go generate ./cmd/pcaplint and commit the result", path)
	}
}

func TestRulesDocsWritesTheFile(t *testing.T) {
	out := t.TempDir() + "/rules.md"
	if code, _, stderr := runCmd(t, builtinChecks(), "rules", "docs", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, _ := os.ReadFile(out)
	if string(got) != string(rulesMarkdown(builtinChecks())) {
		t.Error("rules docs -o wrote something else than rulesMarkdown")
	}
}
