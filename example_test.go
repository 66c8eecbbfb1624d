package pcaplint_test

import (
	"context"
	"fmt"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
	"github.com/pcaplint/pcaplint/rules/ruleset"
)

// Lint one input with the default rule set, as pcaplint lint does, on
// several goroutines, keeping only the count of connections.
func ExampleReadFile() {
	cfg, _ := ruleset.Builtin(ruleset.Default, checks.All()) // or ruleset.Load(".pcaplint.yaml", checks.All())
	f, ruleErrs := pcaplint.ReadFile(context.Background(), "testdata/captures/real/rst-abort.txt", pcaplint.ReadOptions{
		Options: pipeline.Options{
			Keep:      pipeline.KeepCount,
			Sharded:   true,
			NewEngine: func() (*rules.Engine, error) { return rules.NewEngine(checks.All(), cfg) },
		},
	})
	if f.Err != nil {
		fmt.Println(f.Err) // a broken input: what came before is still judged
	}
	fmt.Println(len(ruleErrs), "rule errors,", f.ConnCount, "connection")
	for _, fd := range f.Findings {
		fmt.Println(fd.Pos.Line, fd.Severity, fd.Rule)
	}
	// Output:
	// 0 rule errors, 1 connection
	// 6 warning rst-unexpected
}
