package pcaplint

import (
	"fmt"
	"os"
	"strings"

	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/ruleset"
)

// LoadRules is the rule set pcaplint lint --rules name runs: a built-in
// set (default, strict, minimal; a built-in name wins over a file of that
// name: ./strict names the file), else the rule file name, else (name
// empty) the nearest ruleset.FileName in the current directory or a
// parent, else the default set; then each override ("ID=severity",
// --rule) is applied.
func LoadRules(name string, overrides []string, checks []*rules.Check) (*rules.Config, error) {
	cfg, err := baseRules(name, checks)
	if err != nil {
		return nil, err
	}
	for _, o := range overrides {
		if err := ruleset.Override(cfg, o, checks); err != nil {
			return nil, fmt.Errorf("pcaplint: %w", err)
		}
	}
	return cfg, nil
}

// baseRules is LoadRules without the overrides.
func baseRules(name string, checks []*rules.Check) (*rules.Config, error) {
	if cfg, ok := ruleset.Builtin(name, checks); ok {
		return cfg, nil
	}
	if name == "" {
		found, err := ruleset.Find(".")
		if err != nil {
			return nil, fmt.Errorf("pcaplint: looking for %s: %w", ruleset.FileName, err)
		}
		if found == "" {
			cfg, _ := ruleset.Builtin(ruleset.Default, checks)
			return cfg, nil
		}
		return ruleset.LoadFound(found, checks)
	}
	if _, err := os.Stat(name); err != nil && !strings.ContainsAny(name, "/.") {
		return nil, fmt.Errorf("pcaplint: --rules %s: not a file, nor a built-in set (%s)%s",
			name, strings.Join(ruleset.BuiltinNames, ", "), ruleset.Suggest(name, ruleset.BuiltinNames))
	}
	return ruleset.Load(name, checks)
}

// NeedsChecksums reports whether the bad-checksum check runs under cfg
// (nil: the checks' defaults), so that the capture reader verifies
// checksums only when something reads them.
func NeedsChecksums(cfg *rules.Config, checks []*rules.Check) bool {
	if cfg != nil {
		if rc, ok := cfg.Rules["bad-checksum"]; ok {
			return rc.Severity != rules.Off
		}
	}
	for _, c := range checks {
		if c.ID == "bad-checksum" {
			return c.Default != rules.Off
		}
	}
	return false
}
