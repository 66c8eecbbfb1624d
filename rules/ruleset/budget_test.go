package ruleset

import (
	"runtime"
	"strings"
	"testing"
)

// TestHostileExpressionsStayInBudget: expressions built to take gigabytes
// or minutes are stopped by ExprBudget after megabytes, before they
// allocate (len(repeat(repeat("x", 999999), 10000)) took 9.8 GB and 53 s).
// Allocation is measured, not time, so the test holds on a loaded machine.
func TestHostileExpressionsStayInBudget(t *testing.T) {
	const maxAlloc = 64 << 20
	for _, src := range []string{
		`len(repeat(repeat("x", 999999), 10000)) > 0`,
		`len(repeat("x", 1000000000)) > 0`,
		`len(repeat(repeat(repeat("ab", 1000), 1000), 1000)) > 0`,
		`len(reduce(1..64, #acc + #acc, "x")) > 0`,
		`len(reduce(1..100000, #acc + "xxxxxxxxxx", "")) > 0`,
		`len(join(map(1..100000, repeat("x", 1000)))) > 0`,
		`let s = repeat("x", 30000); len(join(map(1..30000, s))) > 0`,
		`let s = repeat("x", 30000); len(string(map(1..30000, s))) > 0`,
		`let s = repeat("x", 30000); len(toJSON(map(1..30000, s))) > 0`,
		`let a = 1..30000; len(string(map(1..30000, a))) > 0`,
		`let a = 1..30000; len(flatten(map(1..30000, a))) > 0`,
		`let a = 1..30000; len(concat(a, a, a, a, a)) > 0`,
		`len(1..1000000000) > 0`,
		`let a = 1..30000; all(1..30000, 29999 in a)`,
		`let s = repeat("a", 30000); count(1..30000, s matches "a+b") == 0`,
		`let s = repeat("x", 30000); count(1..30000, len(upper(s)) > 0) > 0`,
		`len(replace(repeat("x", 1000), "x", repeat("y", 1000))) > 0`,
		`count(1..200, count(1..200, count(1..200, # > 0) == 200) == 200) == 200`,
		`len(split(repeat("a,", 30000), ",")) > 0`,
	} {
		t.Run(src, func(t *testing.T) {
			prog, cerr := compileExpr(OnConnection, src, true)
			if cerr != nil {
				if strings.Contains(cerr.Msg, "budget") {
					return // refused when compiled
				}
				t.Fatalf("does not compile: %v", cerr)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := runBudgeted(prog, &ConnRuleEnv{})
			runtime.ReadMemStats(&after)
			if err == nil || !strings.Contains(err.Error(), "budget") {
				t.Errorf("error %v, want the budget exceeded", err)
			}
			if a := after.TotalAlloc - before.TotalAlloc; a > maxAlloc {
				t.Errorf("allocated %d MB before it was stopped", a>>20)
			}
		})
	}
}

// TestHostileMessageStaysInBudget: a message placeholder that prints one
// string many times is stopped too.
func TestHostileMessageStaysInBudget(t *testing.T) {
	tmpl, err := compileTemplate(OnConnection, `{{ map(1..30000, "xxxxxxxxxxxxxxxxxxxx") }}`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tmpl.render(&ConnRuleEnv{}); err == nil || !strings.Contains(err.Error(), "budget") {
		t.Errorf("error %v, want the budget exceeded", err)
	}
}

// TestBudgetedExpressionsStillWork: the rewritten builtins and operators
// give what expr's own give.
func TestBudgetedExpressionsStillWork(t *testing.T) {
	for _, src := range []string{
		`"a" + "b" == "ab"`,
		`1 + 2 == 3`,
		`1.5 + 1 == 2.5`,
		`"x" in ["x", "y"]`,
		`!(3 in 1..2)`,
		`"abc" matches "b"`,
		`upper("a") == "A" && lower("B") == "b" && trim(" c ") == "c"`,
		`join(["a", "b"], ",") == "a,b"`,
		`repeat("ab", 3) == "ababab"`,
		`replace("aXbX", "X", "-") == "a-b-"`,
		`map(1..3, # * 2)[2] == 6`,
		`sum(map(1..3, #)) == 6`,
		`count(1..10, # > 5) == 5`,
		`all(1..3, # > 0) && any(1..3, # == 2) && none(1..3, # > 3) && one(1..3, # == 1)`,
		`len(filter(1..10, # % 2 == 0)) == 5`,
		`reduce(1..4, #acc + #, 0) == 10`,
		`string(12) + "x" == "12x"`,
		`split("a,b", ",")[1] == "b"`,
		`len(toJSON([1, 2])) > 0`,
		`sort([3, 1, 2])[0] == 1 && reverse([1, 2])[0] == 2 && len(concat([1], [2])) == 2`,
		`let s = repeat("x", 1000); len(s + s) == 2000`,
		`conn.packets + 1 == 1 && conn.client.port + 0 == 0`,
	} {
		prog, cerr := compileExpr(OnConnection, src, true)
		if cerr != nil {
			t.Errorf("%s: %v", src, cerr)
			continue
		}
		out, err := runBudgeted(prog, &ConnRuleEnv{})
		if err != nil || out != true {
			t.Errorf("%s = %v, %v; want true", src, out, err)
		}
	}
}
