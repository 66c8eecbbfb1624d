package batch

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultGrace is how long an interrupted Run waits for the inputs being
// read before it gives up on them.
const DefaultGrace = 5 * time.Second

// EmitAhead is how many inputs, per worker, Run starts beyond the first
// one not yet emitted: the results waiting for a slow input to be emitted
// before them stay few.
const EmitAhead = 16

// Options say how Run reads the inputs. Done and Emit are called on Run's
// goroutine, never at once.
type Options[R any] struct {
	// Workers is how many inputs are read at once (at least 1).
	Workers int
	// Grace is how long to wait for the inputs being read once ctx is
	// done; past it they are abandoned.
	Grace time.Duration
	// Done, when set, is given each result as it comes, in any order (a
	// progress display).
	Done func(i int, r R)
	// Emit, when set, is given every result in input order, as soon as it
	// and every one before it are done, so that a report can be written as
	// the inputs are read and memory does not grow with them. After an
	// interruption, the results past an input left unread are emitted at
	// the end, in order.
	Emit func(i int, r R)
}

// Outcome is what Run read: a result per input, in input order.
type Outcome[R any] struct {
	// Results holds each input's result; the zero R where Read is false.
	Results []R
	// Read is set for the inputs read to the end.
	Read []bool
	// Abandoned is set for the inputs that were being read when the grace
	// ran out.
	Abandoned []bool
}

// Run reads the inputs 0 to n-1 with read on opts.Workers goroutines,
// starting them in order. Once ctx is done it starts no more inputs,
// waits up to opts.Grace for the ones being read, and returns what was
// done; an abandoned read goes on in the background, its result dropped.
func Run[R any](ctx context.Context, n int, read func(i int) R, opts Options[R]) Outcome[R] {
	out := Outcome[R]{Results: make([]R, n), Read: make([]bool, n), Abandoned: make([]bool, n)}
	workers := max(opts.Workers, 1)
	started := make([]atomic.Bool, n)
	jobs := make(chan int)
	type result struct {
		i int
		r R
	}
	// Buffered for every input, so an abandoned worker never blocks.
	results := make(chan result, n)
	var ahead chan struct{} // a token per input started and not yet emitted
	if opts.Emit != nil {
		ahead = make(chan struct{}, workers*EmitAhead)
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				if ctx.Err() != nil {
					continue
				}
				started[i].Store(true)
				results <- result{i, read(i)}
			}
		})
	}
	go feed(ctx, jobs, n, ahead)
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()

	next := 0 // the first input not emitted
	store := func(r result) {
		out.Results[r.i], out.Read[r.i] = r.r, true
		if opts.Done != nil {
			opts.Done(r.i, r.r)
		}
		for ; opts.Emit != nil && next < n && out.Read[next]; next++ {
			opts.Emit(next, out.Results[next])
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
			interrupted, grace = nil, time.After(opts.Grace)
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
	for i := range n {
		out.Abandoned[i] = !out.Read[i] && started[i].Load()
		if opts.Emit != nil && i >= next && out.Read[i] {
			// After an interruption: the inputs done past one left unread.
			opts.Emit(i, out.Results[i])
		}
	}
	return out
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
