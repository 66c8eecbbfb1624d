package main

import (
	"context"
	"io"
	"strconv"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/batch"
)

// BenchmarkBatch lints the generated tree of 1,000 small captures with one
// and with two workers, and reports files and packets per second: the
// figures docs/scale.md sizes shards with.
func BenchmarkBatch(b *testing.B) {
	root, _ := makeTree(b, 1000)
	ins, _, err := batch.Expand([]string{root}, batch.Filters{})
	if err != nil {
		b.Fatal(err)
	}
	checks := builtinChecks()
	for _, workers := range []int{1, 2} {
		b.Run("j="+strconv.Itoa(workers), func(b *testing.B) {
			b.ReportAllocs()
			var files, packets int64
			for b.Loop() {
				bt := &batchRun{workers: workers, meter: noMeter{}, newEngine: func() (*rules.Engine, error) { return rules.NewEngine(checks, nil) }}
				res := bt.lint(context.Background(), ins, io.Discard)
				files += int64(len(res.rep.Files))
				packets += res.rep.Packets()
			}
			secs := b.Elapsed().Seconds()
			b.ReportMetric(float64(files)/secs, "files/s")
			b.ReportMetric(float64(packets)/secs, "packets/s")
		})
	}
}
