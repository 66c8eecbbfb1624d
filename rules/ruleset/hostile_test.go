package ruleset

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// aliasBomb is the "billion laughs" document: each level doubles nine
// times over the one before.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	return b.String()
}

// manyKeys is the inside of a flow mapping of n short keys.
func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%x: 0,", i)
	}
	return b.String()
}

// deepBlocks nests n block mappings, one key each.
func deepBlocks(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return b.String()
}

func TestHostileRuleFilesAreRefusedQuickly(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"an alias bomb", aliasBomb(), "refusing the document"},
		{"an anchor used too often", "a: &x 1\nb: [" + strings.Repeat("*x, ", MaxAliasUses) + "*x]\n", "anchor &x used more than 100 times"},
		{"deep nesting", strings.Repeat("[", 60) + strings.Repeat("]", 60) + "\n", "nesting deeper than 50 levels"},
		{"a file over 1 MiB", "# " + strings.Repeat("x", MaxFileSize) + "\n", "rule file larger than 1048576 bytes"},
		{"a huge flat list", "rules: [" + strings.Repeat("1, ", MaxNodes) + "1]\n", "more than 10000 nodes"},
		{"100,000 keys in under 1 MiB", "rules: {" + manyKeys(100_000) + "}\n", "more than 10000 nodes"},
		{"deep block nesting", deepBlocks(60), "nesting deeper than 50 levels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			limit := parseTimeLimit(len(tt.src))
			start := time.Now()
			_, err := Parse("evil.yaml", []byte(tt.src), stubChecks())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
			if d := time.Since(start); d > limit {
				t.Errorf("took %v, more than %v", d, limit)
			}
		})
	}
}

// parseTimeLimit is how long a hostile document of size bytes may take to
// be refused: 200 times what a harmless one of the same size (one long
// string) takes to be read on this machine now, at least a second. A
// measured baseline, not a fixed time, so that the bound holds on a loaded
// machine and under -race, where both slow alike (100,000 keys cost 13
// times the baseline either way); a blow-up of the work (an alias bomb
// expanded) exceeds it by far.
func parseTimeLimit(size int) time.Duration {
	src := []byte("x: \"" + strings.Repeat("a", size) + "\"\n")
	base := time.Duration(math.MaxInt64)
	for range 3 {
		start := time.Now()
		Parse("harmless.yaml", src, nil)
		base = min(base, time.Since(start))
	}
	return max(200*base, time.Second)
}

func TestAliasesWithinBoundsAreFollowed(t *testing.T) {
	cfg := parseOK(t, "rules:\n  retransmission: &sev error\n  rst-unexpected: *sev\n")
	if cfg.Rules["rst-unexpected"].Severity.String() != "error" {
		t.Errorf("alias not followed: %+v", cfg.Rules["rst-unexpected"])
	}
}

func TestHostileExpressionsAreRefusedQuickly(t *testing.T) {
	tests := []struct{ name, when, want string }{
		{"deeply nested brackets", strings.Repeat("(", 1000) + "1" + strings.Repeat(")", 1000), "brackets nested deeper than 64"},
		{"a very long expression", strings.Repeat("1+", 5000) + "1", "expression longer than 8192 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Parse("evil.yaml", []byte("custom:\n  - id: x\n    when: "+tt.when+"\n"), stubChecks())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %.200v, want %q", err, tt.want)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	if _, err := compileTemplate(OnConnection, strings.Repeat("{{1}}", 2000)); err == nil || err.Msg != "message longer than 8192 bytes" {
		t.Errorf("long message: %v", err)
	}
	if _, err := compileExpr(OnConnection, `conn.history == "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("`, true); err != nil {
		t.Errorf("brackets inside a string count: %v", err)
	}
}
