package pipeline

import (
	"context"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// ctxEvery is how many segments a source watched for ctx gives between
// two looks at ctx: the look is a channel poll, kept off the per-segment
// path.
const ctxEvery = 256

// ctxSource ends a source once its context is done, at the next look.
type ctxSource struct {
	parse.Source
	done    <-chan struct{}
	n       int
	stopped bool
}

// Next implements parse.Source: io.EOF once the context is done.
func (s *ctxSource) Next(seg *tcp.Segment) error {
	if s.n++; s.n == ctxEvery {
		s.n = 0
		select {
		case <-s.done:
			s.stopped = true
		default:
		}
	}
	if s.stopped {
		return errStopped
	}
	return s.Source.Next(seg)
}

// errStopped ends a source whose context is done; Run reports ctx's
// error instead.
var errStopped = context.Canceled

// watchContext returns src ended once ctx is done, and a func telling
// whether it was; a ctx that is never done (context.Background) leaves
// src as it is.
func watchContext(ctx context.Context, src parse.Source) (parse.Source, func() bool) {
	done := ctx.Done()
	if done == nil {
		return src, func() bool { return false }
	}
	s := &ctxSource{Source: src, done: done}
	return s, func() bool { return s.stopped }
}
