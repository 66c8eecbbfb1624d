package main

import (
	"strings"
	"testing"
)

// TestExplainTakesTheRuleSet: explain explains the findings of the rule
// set lint would use, and takes --rules and --rule as lint, diagram and
// graph do (README: "the same flags mean the same on every command").
func TestExplainTakesTheRuleSet(t *testing.T) {
	const log = "../../testdata/captures/real/rst-abort.txt"
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a line it holds; "" for none
		absent string // what it must not hold
		stderr string
	}{
		{"the default set", []string{log}, 0, "Finding rst-unexpected (warning)", "", ""},
		{"a rule raised", []string{"--rule", "rst-unexpected=error", log}, 0, "Finding rst-unexpected (error)", "(warning)", ""},
		{"a rule turned off", []string{"--rule", "rst-unexpected=off", log}, 0, "Handshake 1/3", "rst-unexpected", ""},
		{"a built-in set", []string{"--rules", "minimal", log}, 0, "Handshake 1/3", "", ""},
		{"a bad rule file, a line a problem", []string{"--rules", "testdata/bad-rules.yaml", log}, 2, "", "",
			"testdata/bad-rules.yaml:2:3: unknown rule \"rst-unexpectd\" (did you mean rst-unexpected?)\ntestdata/bad-rules.yaml:3:12: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runCmd(t, builtinChecks(), append([]string{"explain"}, tt.args...)...)
			if code != tt.code || !strings.HasPrefix(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr, tt.code, tt.stderr)
			}
			if tt.stdout == "" && out != "" || !strings.Contains(out, tt.stdout) || tt.absent != "" && strings.Contains(out, tt.absent) {
				t.Errorf("stdout holds %q: %v, %q: %v\n%s", tt.stdout, strings.Contains(out, tt.stdout), tt.absent, strings.Contains(out, tt.absent), out)
			}
		})
	}
}
