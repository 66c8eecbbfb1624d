package ruleset

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/vm"
	"github.com/expr-lang/expr/vm/runtime"
)

// ExprBudget bounds what one evaluation of a custom rule's condition and
// message may do, so that a hostile rule costs milliseconds and megabytes
// however often it runs: each byte of a string built, each element of an
// array or map built or searched, and each turn of a loop (map, filter,
// all, reduce, …) costs one unit. expr's own budget, which counts the
// arrays and maps its VM builds (ranges such as 1..1000 included) but not
// strings and not before a builtin allocates, is set to the same number.
// An evaluation over budget is an error of the rule, reported once.
const ExprBudget = 1 << 16

// errBudget is the error of an evaluation over ExprBudget.
var errBudget = fmt.Errorf("expression budget of %d units (bytes built, elements, loop turns) exceeded", ExprBudget)

// evalBudget is what one evaluation has left of ExprBudget. It is embedded
// in the rule environments, whose methods the expressions call through the
// calls budgetPatch writes in place of expr's builtins and operators.
type evalBudget struct{ used int }

func (b *evalBudget) charge(n int) error {
	if n < 0 || n > ExprBudget-b.used {
		b.used = ExprBudget
		return errBudget
	}
	b.used += n
	return nil
}

// budgetOf is the budget of a rule environment.
func (b *evalBudget) budgetOf() *evalBudget { return b }

// runBudgeted runs prog on env (a fresh environment, with all of its
// budget) with expr's VM budget set to ExprBudget.
func runBudgeted(prog *vm.Program, env any) (any, error) {
	m := vm.VM{MemoryBudget: ExprBudget}
	return m.Run(prog, env)
}

// sizeBuilders are expr's builtins whose result is a new string, array or
// map at most a small multiple of their arguments' sizes: BudgetBuiltin
// charges their arguments' size before calling them, and the result's.
var sizeBuilders = map[string]bool{
	"string": true, "toJSON": true, "join": true,
	"trim": true, "trimPrefix": true, "trimSuffix": true, "upper": true, "lower": true,
	"split": true, "splitAfter": true, "toBase64": true, "fromBase64": true, "fromJSON": true,
	"take": true, "keys": true, "values": true, "toPairs": true, "fromPairs": true,
	"reverse": true, "uniq": true, "concat": true, "flatten": true, "sort": true,
}

// loops are the builtins that run a predicate per element.
var loops = map[string]bool{
	"all": true, "none": true, "any": true, "one": true, "filter": true, "map": true,
	"find": true, "findIndex": true, "findLast": true, "findLastIndex": true,
	"count": true, "sum": true, "groupBy": true, "sortBy": true, "reduce": true,
	"mean": true, "median": true,
}

// budgetPatch rewrites an expression, after a first type check, so that
// everything that can build or scan much goes through the environment's
// Budget methods: repeat and replace (sized before they allocate), the
// builtins of sizeBuilders, + on anything that may be a string, in and
// matches, and the predicate of every loop.
type budgetPatch struct{}

// Visit implements ast.Visitor; ast.Walk visits children first.
func (budgetPatch) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.BuiltinNode:
		if loops[n.Name] {
			for _, a := range n.Arguments {
				if p, ok := a.(*ast.PredicateNode); ok {
					p.Node = call("BudgetTick", p.Node)
				}
			}
			return
		}
		switch {
		case n.Name == "repeat":
			ast.Patch(node, call("BudgetRepeat", n.Arguments...))
		case n.Name == "replace":
			ast.Patch(node, call("BudgetReplace", n.Arguments...))
		case sizeBuilders[n.Name]:
			ast.Patch(node, call("BudgetBuiltin", append([]ast.Node{&ast.StringNode{Value: n.Name}}, n.Arguments...)...))
		}
	case *ast.BinaryNode:
		switch {
		case n.Operator == "+" && !(isPlainValue(n.Left) && isPlainValue(n.Right)):
			ast.Patch(node, call("BudgetAdd", n.Left, n.Right))
		case n.Operator == "in":
			ast.Patch(node, call("BudgetIn", n.Left, n.Right))
		case n.Operator == "matches":
			ast.Patch(node, call("BudgetMatches", n.Left, n.Right))
		}
	}
}

func call(name string, args ...ast.Node) *ast.CallNode {
	return &ast.CallNode{Callee: &ast.IdentifierNode{Value: name}, Arguments: args}
}

var (
	timeType     = reflect.TypeOf(time.Time{})
	durationType = reflect.TypeOf(time.Duration(0))
)

// isPlainValue reports whether the type check found n to be a number, a
// time or a duration, whose + builds nothing.
func isPlainValue(n ast.Node) bool {
	t := n.Type()
	if t == nil {
		return false
	}
	if t == timeType || t == durationType {
		return true
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.Bool:
		return true
	}
	return false
}

// BudgetTick counts one turn of a loop and passes its predicate's value on.
func (b *evalBudget) BudgetTick(v any) (any, error) { return v, b.charge(1) }

// BudgetRepeat is expr's repeat, refused before it allocates more than is
// left of the budget.
func (b *evalBudget) BudgetRepeat(s string, n int) (string, error) {
	if n < 0 {
		return "", fmt.Errorf("repeat: negative count %d", n)
	}
	if n > 0 && len(s) > (ExprBudget-b.used)/n {
		return "", fmt.Errorf("repeat of %d bytes %d times: %w", len(s), n, errBudget)
	}
	return strings.Repeat(s, n), b.charge(len(s) * n)
}

// BudgetReplace is expr's replace, sized before it allocates.
func (b *evalBudget) BudgetReplace(s, old, new string) (string, error) {
	if err := b.charge(len(s) + len(old) + len(new)); err != nil {
		return "", err
	}
	n := strings.Count(s, old)
	if n > 0 && len(new) > (ExprBudget-b.used)/n {
		return "", fmt.Errorf("replace would build %d copies of %d bytes: %w", n, len(new), errBudget)
	}
	if err := b.charge(n * len(new)); err != nil {
		return "", err
	}
	return strings.ReplaceAll(s, old, new), nil
}

// BudgetBuiltin calls expr's builtin name once the size of its arguments
// (strings counted by their bytes, arrays and maps by their elements, to
// any depth) is charged, and charges its result too.
func (b *evalBudget) BudgetBuiltin(name string, args ...any) (any, error) {
	for _, a := range args {
		if err := b.chargeSize(reflect.ValueOf(a)); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	f := builtin.Builtins[builtin.Index[name]]
	var out any
	var err error
	switch {
	case f.Fast != nil && len(args) == 1:
		out = f.Fast(args[0])
	case f.Func != nil:
		out, err = f.Func(args...)
	case f.Safe != nil:
		out, _, err = f.Safe(args...)
	default:
		return nil, fmt.Errorf("%s: not available in pcaplint's rules", name)
	}
	if err != nil {
		return nil, err
	}
	return out, b.chargeSize(reflect.ValueOf(out))
}

// chargeSize charges the size of v, walking arrays and maps, and stops at
// the first unit over budget, so that the walk itself is bounded too.
func (b *evalBudget) chargeSize(v reflect.Value) error {
	switch v.Kind() {
	case reflect.String:
		return b.charge(v.Len())
	case reflect.Array, reflect.Slice:
		if err := b.charge(v.Len()); err != nil {
			return err
		}
		if k := v.Type().Elem().Kind(); k != reflect.Interface && k != reflect.String && k != reflect.Slice && k != reflect.Map {
			return nil
		}
		for i := range v.Len() {
			if err := b.chargeSize(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if err := b.charge(v.Len()); err != nil {
			return err
		}
		for it := v.MapRange(); it.Next(); {
			if err := b.chargeSize(it.Value()); err != nil {
				return err
			}
		}
	case reflect.Interface, reflect.Pointer:
		if !v.IsNil() {
			return b.chargeSize(v.Elem())
		}
	}
	return nil
}

// BudgetAdd is expr's +: two strings are joined once their length is
// charged; anything else is added as expr adds it.
func (b *evalBudget) BudgetAdd(x, y any) (any, error) {
	xs, ok1 := x.(string)
	ys, ok2 := y.(string)
	if ok1 && ok2 {
		if err := b.charge(len(xs) + len(ys)); err != nil {
			return nil, err
		}
		return xs + ys, nil
	}
	return runtime.Add(x, y), nil
}

// BudgetIn is expr's in, charging the elements of an array it searches.
func (b *evalBudget) BudgetIn(needle, haystack any) (bool, error) {
	if v := reflect.ValueOf(haystack); v.Kind() == reflect.Slice || v.Kind() == reflect.Array {
		if err := b.charge(v.Len()); err != nil {
			return false, err
		}
	}
	return runtime.In(needle, haystack), nil
}

// BudgetMatches is expr's matches, charging the text and the pattern.
func (b *evalBudget) BudgetMatches(s, pattern string) (bool, error) {
	if err := b.charge(len(s) + len(pattern)); err != nil {
		return false, err
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchString(s), nil
}
