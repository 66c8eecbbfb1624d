package ruleset

import "github.com/pcaplint/pcaplint/rules"

// Built-in rule sets, which a rule file names in extends and --rules may
// name instead of a file.
const (
	// Default runs every check at its default severity.
	Default = "default"
	// Strict runs every check, at warning at least.
	Strict = "strict"
	// Minimal runs only the error-level checks, plus rst-unexpected and
	// handshake-incomplete at their defaults: what breaks a conversation.
	Minimal = "minimal"
)

// BuiltinNames lists the built-in rule sets.
var BuiltinNames = []string{Default, Strict, Minimal}

// minimalExtra are the non-error checks that the minimal set keeps.
var minimalExtra = map[string]bool{"rst-unexpected": true, "handshake-incomplete": true}

// Builtin returns the built-in rule set name, for checks, and whether the
// name is one.
func Builtin(name string, checks []*rules.Check) (*rules.Config, bool) {
	sev := builtinSeverity(name)
	if sev == nil {
		return nil, false
	}
	cfg := &rules.Config{Rules: make(map[string]rules.RuleConfig, len(checks))}
	for _, c := range checks {
		cfg.Rules[c.ID] = rules.RuleConfig{Severity: sev(c)}
	}
	return cfg, true
}

// builtinSeverity is how the set name sets a check's severity.
func builtinSeverity(name string) func(*rules.Check) rules.Severity {
	switch name {
	case Default:
		return func(c *rules.Check) rules.Severity { return c.Default }
	case Strict:
		return func(c *rules.Check) rules.Severity { return max(c.Default, rules.Warning) }
	case Minimal:
		return func(c *rules.Check) rules.Severity {
			if c.Default == rules.Error || minimalExtra[c.ID] {
				return c.Default
			}
			return rules.Off
		}
	}
	return nil
}
