package ruleset

import (
	"fmt"
	"strings"
	"time"

	"github.com/pcaplint/pcaplint/rules"
	"gopkg.in/yaml.v3"
)

// rules applies a file's rules section to cfg: for each check ID, a
// severity, or a mapping with severity, params and ignore. A mapping
// replaces the severity and ignore list it names and merges its params
// over those of the set it extends.
func (l *loader) rules(f *ruleFile, n *yaml.Node, cfg *rules.Config) {
	if n.Kind != yaml.MappingNode {
		l.errs.add(f.pos(n), "rules wants a mapping of rule IDs to severities, not %s", kindName(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		check := l.checks[k.Value]
		if k.Kind != yaml.ScalarNode || check == nil {
			l.errs.add(f.pos(k), "unknown rule %s%s", describe(k), Suggest(k.Value, l.ids))
			continue
		}
		rc := cfg.Rules[check.ID]
		if v.Kind == yaml.ScalarNode {
			if sev, ok := l.severity(f, v); ok {
				rc.Severity = sev
			}
			cfg.Rules[check.ID] = rc
			continue
		}
		if v.Kind != yaml.MappingNode {
			l.errs.add(f.pos(v), "rule %s wants a severity or a mapping with %s, not %s", check.ID, strings.Join(ruleKeys, ", "), kindName(v))
			continue
		}
		keys := l.mapping(f, v, ruleKeys)
		if s := keys["severity"]; s != nil {
			if sev, ok := l.severity(f, s); ok {
				rc.Severity = sev
			}
		}
		if p := keys["params"]; p != nil {
			rc.Params = l.params(f, p, check, rc.Params)
		}
		if s := keys["ignore"]; s != nil {
			rc.Ignore = l.scopes(f, s)
		}
		cfg.Rules[check.ID] = rc
	}
}

// params reads a check's parameters over base, each converted to the type
// of its default.
func (l *loader) params(f *ruleFile, n *yaml.Node, check *rules.Check, base map[string]any) map[string]any {
	if n.Kind != yaml.MappingNode {
		l.errs.add(f.pos(n), "params of %s wants a mapping of parameter names to values, not %s", check.ID, kindName(n))
		return base
	}
	out := make(map[string]any, len(base)+len(n.Content)/2)
	for k, v := range base {
		out[k] = v
	}
	var names []string
	for _, p := range check.Params {
		names = append(names, p.Name)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		prm := findParam(check, k.Value)
		if k.Kind != yaml.ScalarNode || prm == nil {
			want := "it has none"
			if len(names) > 0 {
				want = "it has " + strings.Join(names, ", ")
			}
			l.errs.add(f.pos(k), "%s has no parameter %s (%s)%s", check.ID, describe(k), want, Suggest(k.Value, names))
			continue
		}
		val, err := paramValue(v, prm.Default)
		if err != nil {
			l.errs.add(f.pos(v), "%s: parameter %s: %v", check.ID, prm.Name, err)
			continue
		}
		out[prm.Name] = val
	}
	return out
}

func findParam(c *rules.Check, name string) *rules.Param {
	for i := range c.Params {
		if c.Params[i].Name == name {
			return &c.Params[i]
		}
	}
	return nil
}

// paramValue converts a YAML scalar to the Go type of def.
func paramValue(n *yaml.Node, def any) (any, error) {
	if n.Kind != yaml.ScalarNode {
		return nil, fmt.Errorf("want a value, not %s", kindName(n))
	}
	switch def.(type) {
	case time.Duration:
		d, err := time.ParseDuration(n.Value)
		if err != nil || d < 0 {
			return nil, fmt.Errorf("want a duration like 200ms or 1.5s, not %s", describe(n))
		}
		return d, nil
	case int:
		var v int
		if n.Tag != "!!int" || n.Decode(&v) != nil {
			return nil, fmt.Errorf("want a whole number, not %s", describe(n))
		}
		return v, nil
	case float64:
		var v float64
		if (n.Tag != "!!int" && n.Tag != "!!float") || n.Decode(&v) != nil {
			return nil, fmt.Errorf("want a number, not %s", describe(n))
		}
		return v, nil
	case bool:
		var v bool
		if n.Tag != "!!bool" || n.Decode(&v) != nil {
			return nil, fmt.Errorf("want true or false, not %s", describe(n))
		}
		return v, nil
	case string:
		return n.Value, nil
	}
	return nil, fmt.Errorf("the check declares a default of unsupported type %T", def)
}
