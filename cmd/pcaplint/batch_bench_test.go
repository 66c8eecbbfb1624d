package main

import (
	"context"
	"strconv"
	"testing"

	"github.com/pcaplint/pcaplint"
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
				res := pcaplint.Lint(context.Background(), ins, pcaplint.LintOptions{Checks: checks, Workers: workers})
				files += int64(len(res.Report.Files))
				packets += res.Report.Packets()
			}
			secs := b.Elapsed().Seconds()
			b.ReportMetric(float64(files)/secs, "files/s")
			b.ReportMetric(float64(packets)/secs, "packets/s")
		})
	}
}
