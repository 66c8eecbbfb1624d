package main

import (
	"os"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/ruledoc"
	"github.com/pcaplint/pcaplint/rules/ruleset"
)

func TestRulesCommandsMatchTheirGoldenFiles(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"rules-list.golden", []string{"rules", "list"}},
		{"rules-show.golden", []string{"rules", "show", "push-data"}},
		{"lint-help.golden", []string{"lint", "--help"}},
		{"rules-help.golden", []string{"rules", "--help"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := runCmd(t, stubChecks(), tt.args...)
			if code != exitClean || errOut != "" {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden(t, tt.golden, out)
		})
	}
}

func TestRulesShowOfAnUnknownCheckSuggestsOne(t *testing.T) {
	code, _, errOut := runCmd(t, stubChecks(), "rules", "show", "push-dat")
	if code != exitError || !strings.Contains(errOut, `no check "push-dat" (did you mean push-data?)`) {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

func TestRulesInitWritesAStarterAndRefusesToOverwrite(t *testing.T) {
	t.Chdir(t.TempDir())
	if code, out, errOut := runCmd(t, stubChecks(), "rules", "init"); code != exitClean || out != "wrote .pcaplint.yaml\n" {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	if _, err := ruleset.Load(ruleset.FileName, stubChecks()); err != nil {
		t.Errorf("the starter does not load: %v", err)
	}
	if code, _, errOut := runCmd(t, stubChecks(), "rules", "init"); code != exitError || !strings.Contains(errOut, "exists; pass --force") {
		t.Errorf("second init: exit %d: %s", code, errOut)
	}
	if err := os.WriteFile(ruleset.FileName, []byte("junk"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCmd(t, stubChecks(), "rules", "init", "--force"); code != exitClean {
		t.Errorf("init --force: exit %d: %s", code, errOut)
	}
	if data, _ := os.ReadFile(ruleset.FileName); !strings.HasPrefix(string(data), "# pcaplint rule set") {
		t.Errorf("not overwritten: %q", data)
	}
}

func TestRulesDocsWritesTheFile(t *testing.T) {
	out := t.TempDir() + "/rules.md"
	if code, _, stderr := runCmd(t, builtinChecks(), "rules", "docs", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, _ := os.ReadFile(out)
	if string(got) != string(ruledoc.Markdown(builtinChecks())) {
		t.Error("rules docs -o wrote something else than ruledoc.Markdown")
	}
}
