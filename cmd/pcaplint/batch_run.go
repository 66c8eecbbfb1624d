package main

import (
	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

// drawn is where the diagrams and the time-sequence graphs of one input
// went, by connection ID, relative to the diagrams directory.
type drawn struct{ diagrams, graphs map[int]string }

// prepare sets up the drawing of an input's diagrams and graphs (see
// pcaplint.BatchOptions.Prepare); what it keeps is a *drawn.
func (s *diagramSink) prepare(path string, ro *pcaplint.ReadOptions) pcaplint.Finish {
	d := &drawn{graphs: map[int]string{}}
	var graphErrs []error
	rec := &diagram.Recorder{}
	grec := s.graphRecorder(path, d.graphs, &graphErrs)
	newEngine := ro.NewEngine
	ro.NewEngine = func() (*rules.Engine, error) {
		eng, err := newEngine()
		if eng != nil {
			eng.OnKeep = grec.Finding
		}
		return eng, err
	}
	// The engine comes after the recorders: the graph recorder draws
	// a connection at its next call after the end, or at its Flush.
	ro.Observers = func(int) []rules.Observer { return []rules.Observer{rec, grec} }
	return func(f *report.File) (any, []error) {
		grec.Flush()
		errs := graphErrs
		var err error
		if d.diagrams, err = s.write(path, rec.Conversations(), f.Findings); err != nil {
			errs = append(errs, err)
		}
		return d, errs
	}
}

// drawnFrom maps the inputs drawn by prepare (pcaplint.LintResult.Kept)
// to their diagrams and time-sequence graphs by connection ID.
func drawnFrom(kept map[string]any) (diagrams, graphs map[string]map[int]string) {
	diagrams, graphs = map[string]map[int]string{}, map[string]map[int]string{}
	for path, k := range kept {
		if d := k.(*drawn); len(d.diagrams) > 0 {
			diagrams[path] = d.diagrams
		}
		if d := k.(*drawn); len(d.graphs) > 0 {
			graphs[path] = d.graphs
		}
	}
	return diagrams, graphs
}
