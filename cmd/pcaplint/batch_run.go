package main

import (
	"time"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

// batchRun is how lint reads many inputs (pcaplint.ReadBatch), keeping only each input's
// small report.File: memory grows with the workers, not the inputs.
type batchRun struct {
	workers int
	// ro is how each input is read: its parse options and what its
	// report keeps of its connections.
	ro        pcaplint.ReadOptions
	newEngine func() (*rules.Engine, error)
	// custom is set when a custom rule reads a connection's ID while
	// reading: one tracker then reads each input.
	custom bool
	// diagrams, when set, receives the diagrams of every input.
	diagrams *diagramSink
	meter    meter
	// grace is how long to wait for running files once interrupted.
	grace time.Duration
	// emit, when set, is given every input read as soon as it and every
	// input before it are done, in input order; the result then keeps only
	// what the end of the run needs (slim), so that memory does not grow
	// with the inputs. The first error stops the emitting and is kept in
	// emitErr.
	emit    func(*report.File) error
	emitErr error
}

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
