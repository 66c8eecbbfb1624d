package pipeline_test

import (
	"context"
	"fmt"

	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

// Read a tcpdump log through the tracker and the default checks, on
// several goroutines, keeping only the count of connections.
func ExampleFile() {
	res := pipeline.File(context.Background(), "../../testdata/captures/real/rst-abort.txt", pipeline.Options{
		Keep:      pipeline.KeepCount,
		Lanes:     true,
		NewEngine: func() (*rules.Engine, error) { return rules.NewEngine(checks.All(), nil) },
	})
	if res.Err != nil {
		fmt.Println(res.Err) // a broken input: what came before is still judged
	}
	fmt.Println(res.ConnCount, "connection")
	for _, fd := range res.Findings {
		fmt.Println(fd.Pos.Line, fd.Severity, fd.Rule)
	}
	// Output:
	// 1 connection
	// 6 warning rst-unexpected
}
