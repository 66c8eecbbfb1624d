// Package batchq hands batches of work from one goroutine to another:
// a channel of full batches, a channel of free ones to fill again, at
// most a few batches out at once, and a pool that keeps them for the next
// queue. The capture prefetch (parse), the tcpdump text read-ahead
// (parse/tcpdump) and the tracker lanes (rules) are each such a queue:
// one producer fills batches in input order, one consumer takes them in
// the same order and releases them, and nothing is allocated per item
// once the batches are made.
//
// The producer either runs on a goroutine of the queue's own (Go) or is
// the caller itself (Empty, Send, Close). The consumer takes batches with
// Recv (or Full and Err), gives each back with Release, and may Stop the
// producer early from any goroutine.
package batchq

import (
	"sync"
	"sync/atomic"
)

// Pool keeps batches of type B between queues, so that inputs read one
// after another, or at once by a batch run, reuse them.
type Pool[B any] struct {
	p sync.Pool
	// reset empties a batch for reuse, keeping its storage.
	reset func(*B)
	// keep, when set, says whether a batch is worth keeping (one that a
	// long line made much larger is not).
	keep func(*B) bool
}

// NewPool returns a pool of batches made by make and emptied by reset;
// keep, when not nil, leaves out of the pool a batch it refuses.
func NewPool[B any](make func() *B, reset func(*B), keep func(*B) bool) *Pool[B] {
	return &Pool[B]{p: sync.Pool{New: func() any { return make() }}, reset: reset, keep: keep}
}

// get returns an empty batch.
func (p *Pool[B]) get() *B { return p.p.Get().(*B) }

// put empties b and keeps it, unless keep refuses it.
func (p *Pool[B]) put(b *B) {
	if p.keep != nil && !p.keep(b) {
		return
	}
	p.reset(b)
	p.p.Put(b)
}

// Queue passes batches of type B from one producer to one consumer, in
// order. At most depth batches wait to be taken, and depth+1 are made:
// the producer fills one while the consumer works on another.
type Queue[B any] struct {
	pool *Pool[B]
	full chan *B
	free chan *B
	done chan struct{}
	once sync.Once
	// stopped is set by Stop, for Stopped to read without a select.
	stopped atomic.Bool
	// made counts the batches taken from the pool; the producer's.
	made int
	// err is why the producer ended, set before full is closed.
	err error
}

// New returns a queue of batches from pool with depth batches waiting at
// most (at least 1).
func New[B any](pool *Pool[B], depth int) *Queue[B] {
	depth = max(depth, 1)
	return &Queue[B]{
		pool: pool,
		full: make(chan *B, depth),
		free: make(chan *B, depth+1),
		done: make(chan struct{}),
	}
}

// Empty returns an empty batch for the producer to fill: one the consumer
// released, else a new one from the pool while fewer than depth+1 are
// out (a short input touches one), else the next one released. It
// returns nil once the queue is stopped.
func (q *Queue[B]) Empty() *B {
	select {
	case b := <-q.free:
		q.pool.reset(b)
		return b
	default:
	}
	if q.made < cap(q.free) {
		q.made++
		return q.pool.get()
	}
	select {
	case b := <-q.free:
		q.pool.reset(b)
		return b
	case <-q.done:
		return nil
	}
}

// Send hands the filled batch b to the consumer. It reports false, and
// lets b go, once the queue is stopped.
func (q *Queue[B]) Send(b *B) bool {
	select {
	case q.full <- b:
		return true
	case <-q.done:
		return false
	}
}

// Close ends the batches the producer sends; err is why (nil: the input
// ended), which Err returns once the consumer has taken them all. The
// producer calls it once, after its last Send.
func (q *Queue[B]) Close(err error) {
	q.err = err
	close(q.full)
}

// Go runs the producer on a goroutine of its own: fill is given each
// empty batch and returns nil to go on, or the error that ends the input
// after that batch (io.EOF at its end), which Err returns. The goroutine
// ends then, or when the queue is stopped.
func (q *Queue[B]) Go(fill func(*B) error) {
	go func() {
		var err error
		defer func() { q.Close(err) }()
		for err == nil {
			b := q.Empty()
			if b == nil {
				return
			}
			err = fill(b)
			if !q.Send(b) {
				err = nil
				return
			}
		}
	}()
}

// Recv returns the next full batch, or false once the producer closed the
// queue and every batch was taken (Err says why) or the queue was stopped
// and the producer has seen it.
func (q *Queue[B]) Recv() (*B, bool) {
	b, ok := <-q.full
	return b, ok
}

// Full is the channel Recv reads, for a consumer that waits on something
// else too (a timer).
func (q *Queue[B]) Full() <-chan *B { return q.full }

// Err is the error the producer ended the queue with, nil at the end of
// the input or after Stop. Call it once Recv reported false.
func (q *Queue[B]) Err() error { return q.err }

// Waiting counts the full batches the consumer has not taken yet.
func (q *Queue[B]) Waiting() int { return len(q.full) }

// Release gives b, taken with Recv and done with, back to be filled
// again.
func (q *Queue[B]) Release(b *B) { q.free <- b }

// Stop ends the producer early: Empty returns nil and Send false from
// then on, and Go's goroutine ends. It may be called from any goroutine,
// more than once.
func (q *Queue[B]) Stop() {
	q.once.Do(func() {
		q.stopped.Store(true)
		close(q.done)
	})
}

// Stopped reports whether Stop was called, from any goroutine.
func (q *Queue[B]) Stopped() bool { return q.stopped.Load() }

// Recycle puts back in the pool the batches released and those sent but
// not taken. Call it once the producer has closed the queue (Recv
// reported false) and the consumer has released what it holds; a batch
// still held elsewhere is left to the garbage collector.
func (q *Queue[B]) Recycle() {
	for {
		select {
		case b := <-q.free:
			q.pool.put(b)
			continue
		default:
		}
		select {
		case b, ok := <-q.full:
			if ok {
				q.pool.put(b)
				continue
			}
		default:
		}
		return
	}
}
