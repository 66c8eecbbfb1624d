package main

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/batch"
)

// batchRun reads many inputs, one per worker, and keeps only each input's
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

// fileResult is what a worker hands back for one input.
type fileResult struct {
	file report.File
	// skip is set when a file found under a directory or by a pattern
	// turns out not to be a capture or a log.
	skip string
	// diagrams and graphs map connection IDs to their diagram and their
	// time-sequence graph, relative to the diagrams directory.
	diagrams, graphs map[int]string
	// errs are rule evaluation and diagram writing errors.
	errs []error
	// worst is the highest severity of the findings, kept when an emitted
	// file lets its findings go.
	worst rules.Severity
}

// run reads the inputs on b.workers goroutines (see batch.Run): a result
// per input in input order, nil where an interruption left it unread.
func (b *batchRun) run(ctx context.Context, ins []batch.Input) batch.Outcome[*fileResult] {
	opts := batch.Options[*fileResult]{Workers: b.workers, Grace: b.grace,
		Done: func(_ int, r *fileResult) { b.meter.done(r.file.Stats.Records) }}
	if b.emit != nil {
		opts.Emit = func(_ int, r *fileResult) { b.emitResult(r) }
	}
	oc := batch.Run(ctx, len(ins), func(i int) *fileResult { return b.read(ins[i]) }, opts)
	b.meter.close()
	return oc
}

// emitResult hands a file read to emit and lets go of what the end of the
// run does not need: its connections and findings (worst keeps the
// highest severity).
func (b *batchRun) emitResult(r *fileResult) {
	if r.skip != "" {
		return
	}
	for _, f := range r.file.Findings {
		r.worst = max(r.worst, f.Severity)
	}
	if b.emitErr == nil {
		b.emitErr = b.emit(&r.file)
	}
	pcaplint.CloseSpool(&r.file)
	r.file.Conns, r.file.Findings, r.file.Spool = nil, nil, nil
}

// read lints one input, with its diagrams when asked. Without diagrams,
// and unless a custom rule reads connection IDs, its connections are
// tracked on several goroutines.
func (b *batchRun) read(in batch.Input) *fileResult {
	r := &fileResult{}
	if in.Fail != nil {
		r.file = report.File{Path: in.Path, Err: in.Fail}
		return r
	}
	var rec *diagram.Recorder
	var grec *graph.Recorder
	var graphErrs []error
	ro := b.ro
	ro.NewEngine = b.newEngine
	ro.Sharded = b.diagrams == nil && !b.custom
	if b.diagrams != nil {
		rec = &diagram.Recorder{}
		r.graphs = map[int]string{}
		grec = b.diagrams.graphRecorder(in.Path, r.graphs, &graphErrs)
		ro.NewEngine = func() (*rules.Engine, error) {
			eng, err := b.newEngine()
			if eng != nil {
				eng.OnKeep = grec.Finding
			}
			return eng, err
		}
		// The engine comes after the recorders: the graph recorder draws
		// a connection at its next call after the end, or at its Flush.
		ro.Observers = func(int) []rules.Observer { return []rules.Observer{rec, grec} }
	}
	r.file, r.errs = pcaplint.ReadFile(context.Background(), in.Path, ro)
	if grec != nil {
		grec.Flush()
		r.errs = append(r.errs, graphErrs...)
	}
	// A file found under a directory that is not a capture or a log is
	// skipped, unless its name says it is a capture: then it is a broken
	// one, and an error.
	if !in.Named && errors.Is(r.file.Err, parse.ErrUnknownInput) && !batch.NamedLikeCapture(in.Path) {
		r.skip = strings.TrimPrefix(r.file.Err.Error(), in.Path+": ")
		return r
	}
	if rec != nil {
		var err error
		r.diagrams, err = b.diagrams.write(in.Path, rec.Conversations(), r.file.Findings)
		if err != nil {
			r.errs = append(r.errs, err)
		}
	}
	return r
}
