package parse

import (
	"errors"
	"io"
	"runtime"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// prefetchBatch is how many segments the reading goroutine hands over at
// once, and prefetchDepth how many batches may wait: enough to smooth the
// two sides' pace, small enough to stay a few hundred kilobytes.
const (
	prefetchBatch = 256
	prefetchDepth = 4
)

// batch is a run of segments read ahead, and the error that ended the
// input after them, if it did.
type batch struct {
	segs []tcp.Segment
	// payloads holds the segments' payloads: the source's buffer holds
	// only the latest.
	payloads tcp.PayloadCopies
	err      error
	// idle says the batch was handed over because the source waited for
	// its input (a live pipe gone quiet).
	idle bool
}

// Prefetcher is a Source that reads another one ahead in a goroutine, so
// that decoding overlaps with what the caller does with each segment.
// Segments come in the same order with the same contents. Stats may be
// read once Next returned an error; Close stops the reading early.
type Prefetcher struct {
	src  Source
	full chan *batch
	free chan *batch
	stop chan struct{}
	cur  *batch
	next int
	err  error
}

// Prefetch returns src read ahead by a goroutine, or src itself when the
// process may use only one CPU.
func Prefetch(src Source) Source {
	if runtime.GOMAXPROCS(0) < 2 {
		return src
	}
	p := &Prefetcher{
		src:  src,
		full: make(chan *batch, prefetchDepth),
		free: make(chan *batch, prefetchDepth+1),
		stop: make(chan struct{}),
	}
	for range prefetchDepth + 1 {
		p.free <- &batch{segs: make([]tcp.Segment, 0, prefetchBatch)}
	}
	go p.read()
	return p
}

// read fills batches until the input ends or Close is called. It decodes
// into one scratch segment, as a caller of src.Next would, and copies it
// out: a reader may rely on what it left in the segment last time.
func (p *Prefetcher) read() {
	defer close(p.full)
	var seg tcp.Segment
	idler, _ := p.src.(interface{ Idle() bool }) // nil for a source that never waits (see Idle)
	for {
		var b *batch
		select {
		case b = <-p.free:
		case <-p.stop:
			return
		}
		b.segs, b.err, b.idle = b.segs[:0], nil, false
		b.payloads.Reset()
		for len(b.segs) < prefetchBatch {
			if len(b.segs) > 0 && idler != nil && idler.Idle() {
				b.idle = true // what there is now, not when the input goes on
				break
			}
			if err := p.src.Next(&seg); err != nil {
				b.err = err
				break
			}
			b.segs = append(b.segs, seg)
			b.payloads.Keep(&seg)
		}
		b.payloads.Point(b.segs)
		select {
		case p.full <- b:
		case <-p.stop:
			return
		}
		if b.err != nil {
			return
		}
	}
}

// Next fills seg with the next segment read ahead.
func (p *Prefetcher) Next(seg *tcp.Segment) error {
	for p.cur == nil || p.next == len(p.cur.segs) {
		if p.err != nil {
			return p.err
		}
		if p.cur != nil {
			p.err = p.cur.err
			p.free <- p.cur
			p.cur = nil
			continue
		}
		b, ok := <-p.full
		if !ok {
			p.err = io.EOF // closed early
			return p.err
		}
		p.cur, p.next = b, 0
	}
	*seg = p.cur.segs[p.next]
	p.next++
	return nil
}

// each calls fn with every segment left, in place in its batch: the
// reading goroutine already copied it once, and the caller's goroutine is
// the busier one. It returns what Each returns.
func (p *Prefetcher) each(fn func(*tcp.Segment)) error {
	for {
		for p.cur != nil && p.next < len(p.cur.segs) {
			i := p.next
			p.next++
			fn(&p.cur.segs[i])
		}
		var seg tcp.Segment
		err := p.Next(&seg) // moves to the next batch, or ends
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		fn(&seg)
	}
}

// Idle reports that every segment handed over so far was taken and the
// reading goroutine waits for a live input (see Idle).
func (p *Prefetcher) Idle() bool {
	return p.cur != nil && p.next == len(p.cur.segs) && p.cur.idle && len(p.full) == 0
}

// Stats counts what the source read; read it once Next returned an error.
func (p *Prefetcher) Stats() *tcp.Stats { return p.src.Stats() }

// Close stops the reading goroutine, and the source's own reading when it
// can be stopped (closeSource). It is safe to call more than once.
func (p *Prefetcher) Close() {
	select {
	case <-p.stop:
	default:
		close(p.stop)
		closeSource(p.src)
	}
}
