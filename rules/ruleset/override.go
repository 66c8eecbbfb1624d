package ruleset

import (
	"fmt"
	"strings"

	"github.com/pcaplint/pcaplint/rules"
)

// Override applies a command-line override "ID=severity" to cfg, for a
// built-in check or a custom rule of cfg.
func Override(cfg *rules.Config, spec string, checks []*rules.Check) error {
	id, sevText, ok := strings.Cut(spec, "=")
	if !ok || id == "" {
		return fmt.Errorf("--rule %s: want ID=severity, like rst-unexpected=error", quoteValue(spec))
	}
	sev, err := rules.ParseSeverity(sevText)
	if err != nil {
		return fmt.Errorf("--rule %s: %v%s", spec, err, Suggest(sevText, severities))
	}
	var ids []string
	for _, c := range checks {
		if c.ID == id {
			rc := cfg.Rules[id]
			rc.Severity = sev
			if cfg.Rules == nil {
				cfg.Rules = map[string]rules.RuleConfig{}
			}
			cfg.Rules[id] = rc
			return nil
		}
		ids = append(ids, c.ID)
	}
	for _, r := range cfg.Custom {
		if r.ID == id {
			changed := *r
			changed.Severity = sev
			cfg.Custom = replaceCustom(cfg.Custom, &changed)
			return nil
		}
		ids = append(ids, r.ID)
	}
	return fmt.Errorf("--rule %s: unknown rule %s%s", spec, quoteValue(id), Suggest(id, ids))
}
