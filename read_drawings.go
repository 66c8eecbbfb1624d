package pcaplint

import (
	"context"
	"time"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

// ReadDiagrams reads the input at path with ReadFile on one tracker, a
// diagram.Collector observing it that keeps the connections keep picks
// when they open (nil: every one), and returns the File and the collected
// conversations, each with the findings of opts' checks about it
// attached (diagram.Attach), as pcaplint diagram draws them. An input
// broken part-way gives what came before the break.
func ReadDiagrams(ctx context.Context, path string, keep func(*rules.Conn) bool, opts ReadOptions) (report.File, []*diagram.Conversation) {
	coll := &diagram.Collector{Keep: keep}
	f := readObserved(ctx, path, opts, coll)
	convs := coll.Conversations()
	diagram.Attach(convs, f.Findings)
	return f, convs
}

// ReadGraphs is ReadDiagrams for graphs: a graph.Collector cutting idle
// times longer than gap out of the time axis (0: none) keeps what its
// graphs draw of the connections keep picks, the findings of opts'
// checks about each as they are reached (File.Findings has them all).
func ReadGraphs(ctx context.Context, path string, keep func(*rules.Conn) bool, gap time.Duration, opts ReadOptions) (report.File, []*graph.Conversation) {
	coll := &graph.Collector{Keep: keep, Gap: gap}
	opts.OnFinding = coll.Finding
	f := readObserved(ctx, path, opts, coll)
	return f, coll.Conversations()
}

// readObserved reads path on one tracker with obs observing it after the
// observers opts already has; the custom rules' evaluation errors are
// not looked at.
func readObserved(ctx context.Context, path string, opts ReadOptions, obs rules.Observer) report.File {
	more := opts.Observers
	opts.Observers = func(i int) []rules.Observer {
		if more == nil {
			return []rules.Observer{obs}
		}
		return append(more(i), obs)
	}
	opts.Lanes = false // the recorders need final IDs as they read
	f, _ := ReadFile(ctx, path, opts)
	return f
}
