package batchq

import (
	"errors"
	"io"
	"runtime"
	"sync"
	"testing"
	"time"
)

// ints is the batch of the tests: a run of numbers.
type ints struct{ xs []int }

func newPool() (*Pool[ints], *int) {
	made := new(int)
	var mu sync.Mutex
	p := NewPool(func() *ints {
		mu.Lock()
		*made++
		mu.Unlock()
		return &ints{xs: make([]int, 0, 4)}
	}, func(b *ints) { b.xs = b.xs[:0] }, func(b *ints) bool { return cap(b.xs) <= 4 })
	return p, made
}

// counter fills batches of up to 4 numbers from 1 to n, then ends with
// end.
func counter(n int, end error) func(*ints) error {
	next := 1
	return func(b *ints) error {
		if len(b.xs) != 0 {
			panic("a batch was handed out unemptied")
		}
		for len(b.xs) < 4 && next <= n {
			b.xs = append(b.xs, next)
			next++
		}
		if next > n {
			return end
		}
		return nil
	}
}

// drain takes every batch, releasing each, and returns the numbers.
func drain(q *Queue[ints]) []int {
	var got []int
	for {
		b, ok := q.Recv()
		if !ok {
			return got
		}
		got = append(got, b.xs...)
		q.Release(b)
	}
}

func TestQueue(t *testing.T) {
	broken := errors.New("broken input")
	tests := []struct {
		name  string
		n     int
		depth int
		end   error
	}{
		{"empty input", 0, 4, io.EOF},
		{"one batch", 3, 4, io.EOF},
		{"many batches", 1000, 4, io.EOF},
		{"depth 1", 100, 1, io.EOF},
		{"error after the items", 10, 2, broken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pool, _ := newPool()
			q := New(pool, tt.depth)
			q.Go(counter(tt.n, tt.end))
			got := drain(q)
			if len(got) != tt.n {
				t.Fatalf("%d numbers, want %d", len(got), tt.n)
			}
			for i, x := range got {
				if x != i+1 {
					t.Fatalf("number %d is %d: out of order", i, x)
				}
			}
			if err := q.Err(); err != tt.end {
				t.Errorf("Err %v, want %v", err, tt.end)
			}
			if q.made > tt.depth+1 {
				t.Errorf("%d batches made, at most %d may be", q.made, tt.depth+1)
			}
		})
	}
}

// TestProducerOnTheCallersGoroutine: Empty, Send and Close from the
// caller, a consumer on another goroutine, as the tracker lanes do.
func TestProducerOnTheCallersGoroutine(t *testing.T) {
	pool, _ := newPool()
	q := New(pool, 2)
	var got []int
	done := make(chan struct{})
	go func() {
		got = drain(q)
		close(done)
	}()
	fill := counter(50, io.EOF)
	for {
		b := q.Empty()
		err := fill(b)
		q.Send(b)
		if err != nil {
			break
		}
	}
	q.Close(nil)
	<-done
	if len(got) != 50 || got[49] != 50 {
		t.Fatalf("got %v", got)
	}
	if q.Err() != nil {
		t.Errorf("Err %v after Close(nil)", q.Err())
	}
	q.Recycle()
	if n := len(q.free); n != 0 {
		t.Errorf("%d batches left after Recycle", n)
	}
}

// TestStopEndsTheProducer: a consumer that stops early lets the producer's
// goroutine end, whether it waits to send or for a free batch, and Recv
// then ends; nothing is left running.
func TestStopEndsTheProducer(t *testing.T) {
	before := runtime.NumGoroutine()
	for _, take := range []int{0, 1, 3} {
		pool, _ := newPool()
		q := New(pool, 2)
		q.Go(counter(1<<30, io.EOF)) // endless: only Stop ends it
		for range take {
			b, ok := q.Recv()
			if !ok {
				t.Fatal("ended before Stop")
			}
			if take < 2 {
				q.Release(b) // else held: the producer waits for a free batch
			}
		}
		q.Stop()
		q.Stop() // twice is harmless
		if !q.Stopped() {
			t.Error("Stopped false after Stop")
		}
		for {
			if _, ok := q.Recv(); !ok {
				break
			}
		}
		if err := q.Err(); err != nil {
			t.Errorf("Err %v after Stop, want nil", err)
		}
		q.Recycle()
	}
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines left running, %d before", runtime.NumGoroutine(), before)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestStopFromAnotherGoroutine: Stop may come from any goroutine while
// the consumer reads (run with -race).
func TestStopFromAnotherGoroutine(t *testing.T) {
	pool, _ := newPool()
	q := New(pool, 4)
	q.Go(counter(1<<30, io.EOF))
	go func() {
		time.Sleep(time.Millisecond)
		q.Stop()
	}()
	n := len(drain(q))
	if n == 0 {
		t.Log("stopped before the first batch")
	}
}

// TestRecycleKeepsBatchesForTheNextQueue: the batches of a queue read to
// its end serve the next one, and a batch the pool refuses is let go.
func TestRecycleKeepsBatchesForTheNextQueue(t *testing.T) {
	pool, made := newPool()
	q := New(pool, 4)
	q.Go(counter(100, io.EOF))
	drain(q)
	q.Recycle()
	first := *made
	if first == 0 || first > 5 {
		t.Fatalf("%d batches made for one queue of depth 4", first)
	}
	q = New(pool, 4)
	q.Go(counter(100, io.EOF))
	drain(q)
	q.Recycle()
	// sync.Pool may drop what it keeps at a collection: allow one more
	// round of batches, not a new set per queue.
	if *made > 2*first {
		t.Errorf("%d batches made for two queues, %d for the first", *made, first)
	}
	big := &ints{xs: make([]int, 0, 64)}
	pool.put(big)
	for range 10 {
		if b := pool.get(); b == big {
			t.Fatal("the pool kept a batch its keep refused")
		}
	}
}
