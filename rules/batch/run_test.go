package batch

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

func TestRunEmitsInInputOrder(t *testing.T) {
	const n = 60
	for _, workers := range []int{0, 1, 4} {
		var emitted []int
		done := 0
		oc := Run(context.Background(), n, func(i int) int {
			time.Sleep(time.Duration(n-i) * 20 * time.Microsecond) // later inputs finish first
			return i * i
		}, Options[int]{Workers: workers,
			Done: func(int, int) { done++ },
			Emit: func(i, r int) {
				if r != i*i {
					t.Errorf("input %d emitted with %d", i, r)
				}
				emitted = append(emitted, i)
			}})
		if done != n || len(emitted) != n {
			t.Fatalf("workers %d: %d done, %d emitted, want %d", workers, done, len(emitted), n)
		}
		for i := range n {
			if emitted[i] != i || !oc.Read[i] || oc.Abandoned[i] || oc.Results[i] != i*i {
				t.Fatalf("workers %d: input %d: emitted %d, read %v, abandoned %v, result %d", workers, i, emitted[i], oc.Read[i], oc.Abandoned[i], oc.Results[i])
			}
		}
	}
}

func TestRunInterrupted(t *testing.T) {
	t.Run("before any input", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		oc := Run(ctx, 10, func(i int) int { t.Errorf("input %d read after the interruption", i); return 0 }, Options[int]{Workers: 2})
		for i := range 10 {
			if oc.Read[i] || oc.Abandoned[i] {
				t.Errorf("input %d: read %v, abandoned %v", i, oc.Read[i], oc.Abandoned[i])
			}
		}
	})
	t.Run("past the grace", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		release := make(chan struct{})
		defer close(release)
		var emitted []int
		oc := Run(ctx, 4, func(i int) int {
			if i == 1 {
				cancel() // input 1 is being read when the interrupt comes
				<-release
			}
			return i
		}, Options[int]{Workers: 1, Grace: 10 * time.Millisecond, Emit: func(i, _ int) { emitted = append(emitted, i) }})
		want := []struct{ read, abandoned bool }{{true, false}, {false, true}, {false, false}, {false, false}}
		for i, w := range want {
			if oc.Read[i] != w.read || oc.Abandoned[i] != w.abandoned {
				t.Errorf("input %d: read %v, abandoned %v; want %v, %v", i, oc.Read[i], oc.Abandoned[i], w.read, w.abandoned)
			}
		}
		if len(emitted) != 1 || emitted[0] != 0 {
			t.Errorf("emitted %v, want [0]", emitted)
		}
	})
	t.Run("the inputs done past one left unread are emitted at the end", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		release := make(chan struct{})
		defer close(release)
		started2 := make(chan struct{})
		var emitted []int
		Run(ctx, 3, func(i int) int {
			switch i {
			case 0:
				<-started2 // input 1 is stuck, input 2 is done: interrupt
				time.Sleep(10 * time.Millisecond)
				cancel()
			case 1:
				<-release
			case 2:
				close(started2)
			}
			return i
		}, Options[int]{Workers: 3, Grace: 50 * time.Millisecond, Emit: func(i, _ int) { emitted = append(emitted, i) }})
		if len(emitted) != 2 || emitted[0] != 0 || emitted[1] != 2 {
			t.Errorf("emitted %v, want [0 2]", emitted)
		}
	})
}

// With Emit, a slow input holds back the start of the inputs after it:
// at most Workers*EmitAhead are started before it is emitted.
func TestRunStartsFewInputsAheadOfOneNotEmitted(t *testing.T) {
	const workers = 2
	var started atomic.Int32
	release := make(chan struct{})
	go func() {
		deadline := time.Now().Add(10 * time.Second)
		for started.Load() < workers*EmitAhead && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(50 * time.Millisecond) // time for more to start, which they must not
		close(release)
	}()
	Run(context.Background(), 200, func(i int) int {
		started.Add(1)
		if i == 0 {
			<-release
			if n := started.Load(); n != workers*EmitAhead {
				t.Errorf("%d inputs started while the first was read, want %d", n, workers*EmitAhead)
			}
		}
		return i
	}, Options[int]{Workers: workers, Emit: func(int, int) {}})
}
