package ruleset

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// Bounds on one expression, so that a hostile rule file cannot make the
// compiler (which parses nested brackets recursively) slow.
const (
	maxExprNodes   = 2000
	maxExprLen     = 8 << 10
	maxExprNesting = 64
)

// Kinds of custom rules: what they are evaluated on.
const (
	OnConnection = "connection"
	OnSegment    = "segment"
)

// envNames renames the environment's Go types in expr's messages to the
// names a rule file uses.
var envNames = strings.NewReplacer(
	"type ruleset.ConnEnv", "conn",
	"type ruleset.EndpointEnv", "an endpoint",
	"type ruleset.SegmentEnv", "a segment",
	"type ruleset.ConnRuleEnv", "a connection rule",
)

// exprError is a compile error at a 1-based line and column of the
// expression's own text.
type exprError struct {
	Line, Col int
	Msg       string
}

func (e *exprError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// envFor is the typed environment of rules evaluated on on.
func envFor(on string) any {
	if on == OnSegment {
		return &SegmentEnv{}
	}
	return &ConnRuleEnv{}
}

// compileExpr compiles src for rules on on; asBool requires a boolean.
func compileExpr(on, src string, asBool bool) (*vm.Program, *exprError) {
	if strings.TrimSpace(src) == "" {
		return nil, &exprError{Line: 1, Col: 1, Msg: "empty expression"}
	}
	if err := checkExprSize(src); err != nil {
		return nil, err
	}
	opts := []expr.Option{expr.Env(envFor(on)), expr.MaxNodes(maxExprNodes), expr.Patch(budgetPatch{})}
	if asBool {
		opts = append(opts, expr.AsBool())
	}
	prog, err := expr.Compile(src, opts...)
	if err == nil {
		return prog, nil
	}
	if fe, ok := err.(*file.Error); ok && fe.Line > 0 {
		return nil, &exprError{Line: fe.Line, Col: fe.Column + 1, Msg: envNames.Replace(fe.Message)}
	}
	return nil, &exprError{Line: 1, Col: 1, Msg: err.Error()}
}

// checkExprSize refuses expressions longer than maxExprLen or nesting
// brackets deeper than maxExprNesting (outside string literals).
func checkExprSize(src string) *exprError {
	if len(src) > maxExprLen {
		return &exprError{Line: 1, Col: 1, Msg: fmt.Sprintf("expression longer than %d bytes", maxExprLen)}
	}
	depth := 0
	var quote byte
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case quote != 0 && c == '\\':
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case c == '(' || c == '[' || c == '{':
			if depth++; depth > maxExprNesting {
				line, col := lineCol(src, i)
				return &exprError{Line: line, Col: col, Msg: fmt.Sprintf("brackets nested deeper than %d", maxExprNesting)}
			}
		case c == ')' || c == ']' || c == '}':
			depth--
		}
	}
	return nil
}

// template is a message with {{expr}} placeholders, compiled.
type template struct {
	text  []string      // literal parts, one more than exprs
	exprs []*vm.Program // placeholders
}

// compileTemplate compiles every placeholder of msg. Error positions are
// within msg.
func compileTemplate(on, msg string) (*template, *exprError) {
	if len(msg) > maxExprLen {
		return nil, &exprError{Line: 1, Col: 1, Msg: fmt.Sprintf("message longer than %d bytes", maxExprLen)}
	}
	t := &template{}
	rest, off := msg, 0
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			t.text = append(t.text, rest)
			return t, nil
		}
		j := strings.Index(rest[i+2:], "}}")
		if j < 0 {
			line, col := lineCol(msg, off+i)
			return nil, &exprError{Line: line, Col: col, Msg: "{{ without a closing }}"}
		}
		src := rest[i+2 : i+2+j]
		prog, err := compileExpr(on, src, false)
		if err != nil {
			// Shift the position from the placeholder to the message.
			line, col := lineCol(msg, off+i+2+offsetOf(src, err.Line, err.Col))
			return nil, &exprError{Line: line, Col: col, Msg: err.Msg}
		}
		t.text = append(t.text, rest[:i])
		t.exprs = append(t.exprs, prog)
		rest, off = rest[i+2+j+2:], off+i+2+j+2
	}
}

// render runs the placeholders on env and joins the message.
func (t *template) render(env any) (string, error) {
	var b strings.Builder
	for i, prog := range t.exprs {
		b.WriteString(t.text[i])
		v, err := runBudgeted(prog, env)
		if err != nil {
			return "", err
		}
		// Printing an array prints its elements, each as often as it
		// appears: charged before, as the builtins that print are.
		if err := env.(interface{ budgetOf() *evalBudget }).budgetOf().chargeSize(reflect.ValueOf(v)); err != nil {
			return "", err
		}
		fmt.Fprint(&b, v)
	}
	b.WriteString(t.text[len(t.text)-1])
	return b.String(), nil
}

// lineCol converts a byte offset in s to a 1-based line and column.
func lineCol(s string, off int) (line, col int) {
	off = min(off, len(s))
	line = 1 + strings.Count(s[:off], "\n")
	return line, off - strings.LastIndexByte(s[:off], '\n')
}

// offsetOf converts a 1-based line and column in s (columns counted in
// runes, as expr counts them) to a byte offset.
func offsetOf(s string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(s[off:], '\n')
		if i < 0 {
			return len(s)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(s); c++ {
		_, size := utf8.DecodeRuneInString(s[off:])
		off += size
	}
	return off
}

// newEval builds the Eval closure of a custom rule from its compiled
// condition and message.
func newEval(cond *vm.Program, msg *template) func(*rules.Conn, rules.Dir, *tcp.Segment) (bool, string, error) {
	return func(c *rules.Conn, d rules.Dir, seg *tcp.Segment) (bool, string, error) {
		var env any
		if seg == nil {
			env = &ConnRuleEnv{Conn: newConnEnv(c)}
		} else {
			s := newSegmentEnv(c, d, seg)
			env = &s
		}
		out, err := runBudgeted(cond, env)
		if err != nil {
			return false, "", err
		}
		if fired, _ := out.(bool); !fired {
			return false, "", nil
		}
		text, err := msg.render(env)
		return err == nil, text, err
	}
}
