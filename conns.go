package pcaplint

import (
	"context"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

// Conns reads the inputs at paths one after the other, as pcaplint conns
// does, into a report of their connections (report.WriteConnsJSON,
// report.WriteConnsTable): on lanes, each connection spooled as it ends,
// whole for JSON, else only what the table's rows print; with stats, each
// is measured too (Options.Measure), and the table keeps the connections
// whole for their statistics. CloseSpools removes the spools.
func Conns(ctx context.Context, paths []string, json, stats bool, o pipeline.Options) *report.Report {
	o.Lanes, o.Measure = true, stats
	ro := ReadOptions{Options: o, Spool: json, SpoolBrief: !stats}
	rep := &report.Report{}
	for _, path := range paths {
		f, _ := ReadFile(ctx, path, ro)
		rep.Files = append(rep.Files, f)
	}
	return rep
}
