// Package pcaplint is the library behind the pcaplint command: it reads
// captures and tcpdump logs into reports (ReadFile, one input; ReadBatch,
// many), and matches findings against a baseline. The pipeline of one
// input is rules/pipeline's; this package sits right of render, as it
// assembles report.Files, and left of cmd/pcaplint, which keeps only
// flags, output streams and exit codes.
package pcaplint

import (
	"context"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

// ReadOptions say how ReadFile reads one input: as pipeline.Options say, with
// the connections spooled in their JSON form when Spool is set.
type ReadOptions struct {
	pipeline.Options
	// Spool keeps the JSON form of every connection in File.Spool (in
	// memory up to a megabyte, in a temporary file beyond) rather than
	// the connections in File.Conns, so that the JSON of an input of
	// millions of connections is printed without holding them; Keep is
	// then not looked at. CloseSpool removes the files.
	Spool bool
	// SpoolBrief spools a brief form of each connection, as Spool spools
	// its JSON form: the JSONConns of File.Spool then carry the ID, the
	// endpoints, the counts, the duration, the state and the history, all
	// that JUnit's test cases and the conns table print, and no state
	// changes are recorded. It is not looked at when Spool is set.
	SpoolBrief bool
}

// ReadFile reads the input at path ("-" is standard input) with pipeline.File
// and turns the result into its report.File, which carries the input
// error, if any, beside everything read before it. The custom rules'
// evaluation errors are returned beside the File.
func ReadFile(ctx context.Context, path string, opts ReadOptions) (report.File, []error) {
	var spool *connSpool
	if opts.Spool || opts.SpoolBrief {
		spool = &connSpool{brief: !opts.Spool}
		opts.Sink = func(int) pipeline.Sink { return spool.part() }
		// The JSON form has each side's states.
		opts.Transitions = opts.Transitions || opts.Spool
	}
	res := pipeline.File(ctx, path, opts.Options)
	f := report.File{Path: path, Err: res.Err}
	f.Conns, f.ConnCount = res.Conns, res.ConnCount
	if spool != nil && len(spool.parts) > 0 {
		f.Spool = spool
	}
	f.Stats = res.Stats
	f.Copies, f.Evicted, f.Loss = res.Copies, res.Evicted, res.Loss
	f.Findings = res.Findings
	f.ConnStats = res.ConnStats
	f.Assess(res.Flagless, res.Untimed)
	return f, res.RuleErrs
}
