package main

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/batch"
)

// defaultGrace is how long an interrupted batch waits for the files being
// read before it gives up on them.
const defaultGrace = 5 * time.Second

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

// emitAhead is how many inputs, per worker, may be started beyond the
// first one not yet emitted: the results waiting for a slow input to be
// emitted before them stay few.
const emitAhead = 16

// fileResult is what a worker hands back for one input.
type fileResult struct {
	idx  int
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

// outcome is the result of a batch: a result per input in input order,
// nil where an interruption left the input unread.
type outcome struct {
	results []*fileResult
	// abandoned are the inputs that were being read when the grace ran out.
	abandoned []bool
}

// run reads the inputs on b.workers goroutines. Once ctx is done it starts
// no more inputs, waits up to b.grace for the ones being read, and returns
// what was done.
func (b *batchRun) run(ctx context.Context, ins []batch.Input) outcome {
	out := outcome{results: make([]*fileResult, len(ins)), abandoned: make([]bool, len(ins))}
	started := make([]atomic.Bool, len(ins))
	jobs := make(chan int)
	// Buffered for every input, so an abandoned worker never blocks.
	results := make(chan *fileResult, len(ins))
	var ahead chan struct{} // a token per input started and not yet emitted
	if b.emit != nil {
		ahead = make(chan struct{}, max(b.workers, 1)*emitAhead)
	}
	var wg sync.WaitGroup
	for range max(b.workers, 1) {
		wg.Go(func() {
			for i := range jobs {
				if ctx.Err() != nil {
					continue
				}
				started[i].Store(true)
				results <- b.read(i, ins[i])
			}
		})
	}
	go feed(ctx, jobs, len(ins), ahead)
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()

	next := 0 // the first input not emitted
	store := func(r *fileResult) {
		out.results[r.idx] = r
		b.meter.done(r.file.Stats.Records)
		for ; b.emit != nil && next < len(ins) && out.results[next] != nil; next++ {
			b.emitResult(out.results[next])
			<-ahead
		}
	}
	interrupted := ctx.Done()
	var grace <-chan time.Time
	for {
		select {
		case r := <-results:
			store(r)
			continue
		case <-interrupted:
			interrupted, grace = nil, time.After(b.grace)
			continue
		case <-finished:
		case <-grace:
		}
		break
	}
	for drained := false; !drained; {
		select {
		case r := <-results:
			store(r)
		default:
			drained = true
		}
	}
	b.meter.close()
	for i := range ins {
		out.abandoned[i] = out.results[i] == nil && started[i].Load()
		if b.emit != nil && i >= next && out.results[i] != nil {
			// After an interruption: the inputs done past one left unread.
			b.emitResult(out.results[i])
		}
	}
	return out
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

// feed sends the input indices in order until ctx is done, each once it
// has a token in ahead, when ahead is not nil.
func feed(ctx context.Context, jobs chan<- int, n int, ahead chan<- struct{}) {
	defer close(jobs)
	for i := range n {
		if ctx.Err() != nil {
			return
		}
		if ahead != nil {
			select {
			case ahead <- struct{}{}:
			case <-ctx.Done():
				return
			}
		}
		select {
		case jobs <- i:
		case <-ctx.Done():
			return
		}
	}
}

// read lints one input, with its diagrams when asked. Without diagrams,
// and unless a custom rule reads connection IDs, its connections are
// tracked on several goroutines.
func (b *batchRun) read(idx int, in batch.Input) *fileResult {
	r := &fileResult{idx: idx}
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
