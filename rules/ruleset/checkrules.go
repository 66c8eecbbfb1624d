package ruleset

import (
	"fmt"
	"maps"
	"math"
	"strconv"
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

// params reads a check's parameters over base, each converted to the
// parameter's type and checked against its bounds, errors at the value.
func (l *loader) params(f *ruleFile, n *yaml.Node, check *rules.Check, base map[string]rules.Value) map[string]rules.Value {
	if n.Kind != yaml.MappingNode {
		l.errs.add(f.pos(n), "params of %s wants a mapping of parameter names to values, not %s", check.ID, kindName(n))
		return base
	}
	out := make(map[string]rules.Value, len(base)+len(n.Content)/2)
	maps.Copy(out, base)
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
		val, err := paramValue(v, prm.Type())
		if err == nil {
			err = prm.Check(val)
		}
		if err != nil {
			l.errs.add(f.pos(v), "%s: parameter %s: %v", check.ID, prm.Name, err)
			continue
		}
		out[prm.Name] = val
	}
	return out
}

func findParam(c *rules.Check, name string) *rules.Param {
	for _, p := range c.Params {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// byteUnits are the suffixes a bytes parameter may carry.
var byteUnits = map[string]int64{"": 1, "B": 1, "KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30}

// paramValue converts a YAML scalar to a value of type t; the parameter's
// bounds are checked after.
func paramValue(n *yaml.Node, t rules.ParamType) (rules.Value, error) {
	if n.Kind != yaml.ScalarNode {
		return rules.Value{}, fmt.Errorf("want a value, not %s", kindName(n))
	}
	switch t {
	case rules.ParamDuration:
		d, err := time.ParseDuration(n.Value)
		if err != nil {
			return rules.Value{}, fmt.Errorf("want a duration like 200ms or 1.5s, not %s", describe(n))
		}
		return rules.DurationValue(d), nil
	case rules.ParamInt:
		var v int
		if n.Tag != "!!int" || n.Decode(&v) != nil {
			return rules.Value{}, fmt.Errorf("want a whole number, not %s", describe(n))
		}
		return rules.IntValue(v), nil
	case rules.ParamBytes:
		if v, ok := byteCount(n); ok {
			return rules.BytesValue(v), nil
		}
		return rules.Value{}, fmt.Errorf("want a number of bytes like 16384 or 64KiB, not %s", describe(n))
	case rules.ParamFloat:
		var v float64
		if (n.Tag != "!!int" && n.Tag != "!!float") || n.Decode(&v) != nil {
			return rules.Value{}, fmt.Errorf("want a number, not %s", describe(n))
		}
		return rules.FloatValue(v), nil
	case rules.ParamBool:
		var v bool
		if n.Tag != "!!bool" || n.Decode(&v) != nil {
			return rules.Value{}, fmt.Errorf("want true or false, not %s", describe(n))
		}
		return rules.BoolValue(v), nil
	}
	return rules.Value{}, fmt.Errorf("the check declares a parameter of unknown type %d", t)
}

// byteCount reads a bytes scalar: a whole number, or one followed by B,
// KiB, MiB or GiB ("64KiB").
func byteCount(n *yaml.Node) (int, bool) {
	if n.Tag == "!!int" {
		var v int
		return v, n.Decode(&v) == nil
	}
	if n.Tag != "!!str" {
		return 0, false
	}
	num := strings.TrimRight(n.Value, "BKMGi")
	unit, ok := byteUnits[n.Value[len(num):]]
	if !ok || num == "" || strings.TrimLeft(num, "0123456789") != "" {
		return 0, false
	}
	v, err := strconv.ParseInt(num, 10, 64)
	if err != nil || v > math.MaxInt64/unit {
		return 0, false
	}
	return int(v * unit), true
}
