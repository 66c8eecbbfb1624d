package ruleset

import (
	"regexp"
	"strings"

	"github.com/expr-lang/expr/vm"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"gopkg.in/yaml.v3"
)

// customs reads a file's custom rules and adds them to cfg, replacing a
// custom rule of the same ID from the set it extends.
func (l *loader) customs(f *ruleFile, n *yaml.Node, cfg *rules.Config) {
	if n.Kind != yaml.SequenceNode {
		l.errs.add(f.pos(n), "custom wants a list of rules, each with id, when and message, not %s", kindName(n))
		return
	}
	seen := map[string]bool{}
	for _, item := range n.Content {
		r := l.custom(f, deref(item))
		if r == nil {
			continue
		}
		if seen[r.ID] {
			l.errs.add(f.pos(item), "custom rule %s defined twice", r.ID)
			continue
		}
		seen[r.ID] = true
		cfg.Custom = replaceCustom(cfg.Custom, r)
	}
}

// replaceCustom returns list with r in place of the rule of the same ID,
// or added; a rule set to off is removed instead. list is not modified: it
// may belong to the set that was extended.
func replaceCustom(list []*rules.CustomRule, r *rules.CustomRule) []*rules.CustomRule {
	out := make([]*rules.CustomRule, 0, len(list)+1)
	replaced := false
	for _, old := range list {
		if old.ID != r.ID {
			out = append(out, old)
			continue
		}
		replaced = true
		if r.Severity != rules.Off {
			out = append(out, r)
		}
	}
	if !replaced && r.Severity != rules.Off {
		out = append(out, r)
	}
	return out
}

// custom reads and compiles one custom rule; nil when it has errors.
func (l *loader) custom(f *ruleFile, n *yaml.Node) *rules.CustomRule {
	if n.Kind != yaml.MappingNode {
		l.errs.add(f.pos(n), "a custom rule is a mapping with %s, not %s", strings.Join(customKeys, ", "), kindName(n))
		return nil
	}
	before := len(l.errs)
	keys := l.mapping(f, n, customKeys)
	r := &rules.CustomRule{Severity: rules.Warning, On: OnConnection}
	r.ID = l.customID(f, n, keys["id"])
	if s := keys["severity"]; s != nil {
		r.Severity, _ = l.severity(f, s)
	}
	if on := keys["on"]; on != nil {
		if on.Kind != yaml.ScalarNode || (on.Value != OnConnection && on.Value != OnSegment) {
			l.errs.add(f.pos(on), "on must be connection or segment, not %s%s", describe(on),
				Suggest(on.Value, []string{OnConnection, OnSegment}))
		} else {
			r.On = on.Value
		}
	}
	if s := keys["ignore"]; s != nil {
		r.Ignore = l.scopes(f, s)
	}
	when := keys["when"]
	if when == nil {
		l.errs.add(f.pos(n), "custom rule %s has no when: condition", r.ID)
		return nil
	}
	cond := l.compile(f, when, r.On, "when", true)
	var msg *template
	if m := keys["message"]; m != nil {
		msg = l.template(f, m, r.On)
	} else {
		msg = &template{text: []string{r.ID + ": " + when.Value}}
	}
	if len(l.errs) > before {
		return nil
	}
	r.Eval = newEval(cond, msg)
	r.ReadsID = mentionsID(when.Value)
	if m := keys["message"]; m != nil {
		r.ReadsID = r.ReadsID || mentionsID(m.Value)
	}
	return r
}

// customID reads a custom rule's ID, which must not be a built-in one.
func (l *loader) customID(f *ruleFile, rule, n *yaml.Node) string {
	switch {
	case n == nil:
		l.errs.add(f.pos(rule), "custom rule has no id")
	case n.Kind != yaml.ScalarNode || !customID.MatchString(n.Value):
		l.errs.add(f.pos(n), "custom rule id %s must be lower-case letters, digits, '-', '_' or '.'", describe(n))
	case l.checks[n.Value] != nil:
		l.errs.add(f.pos(n), "custom rule id %s is a built-in check's; choose another", describe(n))
	default:
		return n.Value
	}
	return "(unnamed)"
}

// compile compiles an expression node, reporting errors at the column
// inside the expression.
func (l *loader) compile(f *ruleFile, n *yaml.Node, on, key string, asBool bool) *vm.Program {
	if n.Kind != yaml.ScalarNode {
		l.errs.add(f.pos(n), "%s wants an expression, not %s", key, kindName(n))
		return nil
	}
	prog, err := compileExpr(on, n.Value, asBool)
	if err != nil {
		l.errs.add(f.exprPos(n, err.Line, err.Col), "%s: %s", key, err.Msg)
		return nil
	}
	return prog
}

// template compiles a message template node.
func (l *loader) template(f *ruleFile, n *yaml.Node, on string) *template {
	if n.Kind != yaml.ScalarNode {
		l.errs.add(f.pos(n), "message wants text with {{expr}} placeholders, not %s", kindName(n))
		return nil
	}
	t, err := compileTemplate(on, n.Value)
	if err != nil {
		l.errs.add(f.exprPos(n, err.Line, err.Col), "message: %s", err.Msg)
		return nil
	}
	return t
}

// exprPos maps a line and column inside a scalar's value to the file.
// Plain and quoted scalars start at the node (after the quote); block
// scalars (| and >) on the next line, at the indentation of their first
// content line. Escapes in double-quoted strings and the folding of >
// scalars can shift the column slightly; the line is exact for | blocks.
func (f *ruleFile) exprPos(n *yaml.Node, line, col int) tcp.Pos {
	p := f.pos(n)
	switch n.Style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		p.Line = n.Line + line
		indent := 0 // the block's indentation is that of its first line
		if n.Line < len(f.lines) {
			text := f.lines[n.Line]
			indent = len(text) - len(strings.TrimLeft(text, " "))
		}
		p.Col = indent + col
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		p.Line += line - 1
		if line == 1 {
			p.Col += col
		} else {
			p.Col = col
		}
	default:
		p.Line += line - 1
		if line == 1 {
			p.Col += col - 1
		} else {
			p.Col = col
		}
	}
	return p
}

// idWord matches the identifier id in an expression or message template.
var idWord = regexp.MustCompile(`(^|[^A-Za-z0-9_])id([^A-Za-z0-9_]|$)`)

// mentionsID reports whether src may read a connection's id. It errs on
// the side of yes: the word in a string literal counts too.
func mentionsID(src string) bool { return idWord.MatchString(src) }
