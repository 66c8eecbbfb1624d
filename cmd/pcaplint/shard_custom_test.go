package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// customRulesAll are custom rules on segments and connections that read no
// connection ID, over every built-in check at info.
const customRulesAll = `extends: strict
custom:
  - id: pushed
    on: segment
    severity: info
    when: psh && len > 0
    message: "{{from}} pushed {{len}} bytes at {{rel_seq}}"
  - id: closed
    severity: warning
    when: conn.packets > 3
    message: "{{conn.client}} -> {{conn.server}} {{conn.history}} {{conn.state}}"
`

// TestCustomRulesGiveTheSameReportOnOneTrackerAndOnMany lints every capture
// of testdata with custom rules that read no connection ID, which run on
// several trackers, and again with a rule that mentions id and so runs on
// one: the reports must be the same, but for that rule.
func TestCustomRulesGiveTheSameReportOnOneTrackerAndOnMany(t *testing.T) {
	dir := t.TempDir()
	many, one := filepath.Join(dir, "many.yaml"), filepath.Join(dir, "one.yaml")
	idRule := `  - id: never
    when: conn.id < 0
`
	if err := os.WriteFile(many, []byte(customRulesAll), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(one, []byte(customRulesAll+idRule), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs, err := filepath.Glob(filepath.Join("..", "..", "testdata", "captures", "real", "*.pcap"))
	if err != nil || len(inputs) < 5 {
		t.Fatalf("captures: %v, %d", err, len(inputs))
	}
	pushed := 0
	for _, in := range inputs {
		args := []string{"lint", "--fail-on", "never", "--format", "json", in}
		_, gotMany, errMany := runCmd(t, builtinChecks(), append([]string{"--rules", many}, args...)...)
		_, gotOne, errOne := runCmd(t, builtinChecks(), append([]string{"--rules", one}, args...)...)
		if gotMany != gotOne || errMany != errOne {
			t.Errorf("%s: reports differ\nseveral trackers:\n%s%s\none tracker:\n%s%s", in, gotMany, errMany, gotOne, errOne)
		}
		pushed += strings.Count(gotMany, `"rule": "pushed"`)
	}
	if pushed < 10 {
		t.Errorf("%d pushed findings in all, want the custom rules to fire", pushed)
	}
}
