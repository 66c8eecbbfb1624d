package pcaplint_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/rules/batch"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

// Draw the diagram and time-sequence graph of every connection with a
// finding of a batch into a directory, as lint --diagrams-dir does.
func ExampleDrawInto() {
	out, err := os.MkdirTemp("", "diagrams")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(out)
	dir, err := drawing.OpenDir(out)
	if err != nil {
		log.Fatal(err)
	}
	defer dir.Close()
	ins, _, err := batch.Expand([]string{"testdata/captures/real"}, batch.Filters{Include: []string{"rst-abort.txt", "clean.txt"}})
	if err != nil {
		log.Fatal(err)
	}
	res := pcaplint.ReadBatch(context.Background(), ins, pcaplint.BatchOptions{
		Workers:    2,
		OneTracker: true,
		Prepare:    pcaplint.DrawInto(dir),
		Read: pcaplint.ReadOptions{Options: pipeline.Options{
			Checks: checks.All(),
		}},
	})
	for _, f := range res.Report.Files {
		d := res.Kept[f.Path].(*drawing.Drawn)
		fmt.Println(f.Path, d.Diagrams, d.Graphs)
	}
	// Output:
	// testdata/captures/real/clean.txt map[] map[]
	// testdata/captures/real/rst-abort.txt map[1:testdata/captures/real/rst-abort.txt/1-127.0.0.1_40200-127.0.0.1_9102.svg] map[1:testdata/captures/real/rst-abort.txt/1-127.0.0.1_40200-127.0.0.1_9102.tsg.svg]
}
