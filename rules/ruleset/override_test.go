package ruleset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

func TestOverride(t *testing.T) {
	cfg := parseOK(t, "custom:\n  - id: mine\n    when: 'true'\n")
	for _, spec := range []string{"rst-unexpected=off", "bad-checksum=error", "mine=info"} {
		if err := Override(cfg, spec, stubChecks()); err != nil {
			t.Fatal(err)
		}
	}
	if cfg.Rules["rst-unexpected"].Severity != rules.Off || cfg.Rules["bad-checksum"].Severity != rules.Error ||
		cfg.Custom[0].Severity != rules.Info {
		t.Errorf("overrides not applied: %+v %+v", cfg.Rules, cfg.Custom[0])
	}
	if err := Override(cfg, "mine=off", stubChecks()); err != nil || len(cfg.Custom) != 0 {
		t.Errorf("mine=off: %v, %d custom rules left", err, len(cfg.Custom))
	}
	for spec, want := range map[string]string{
		"rst-unexpected":        "want ID=severity",
		"rst-unexpectd=error":   "(did you mean rst-unexpected?)",
		"rst-unexpected=warnin": "(did you mean warning?)",
	} {
		if err := Override(cfg, spec, stubChecks()); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", spec, err, want)
		}
	}
}

func TestFindLooksInParentDirectories(t *testing.T) {
	dir := writeFiles(t, map[string]string{FileName: "version: 1\n", "a/b/.keep": ""})
	got, err := Find(filepath.Join(dir, "a/b"))
	if err != nil || got != filepath.Join(dir, FileName) {
		t.Errorf("Find = %q, %v", got, err)
	}
	if err := os.Remove(filepath.Join(dir, FileName)); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(filepath.Join(dir, "a/b")); err != nil || (got != "" && strings.HasPrefix(got, dir)) {
		t.Errorf("Find after removal = %q, %v", got, err)
	}
}
