package parse

import (
	"errors"
	"io"
	"runtime"

	"github.com/pcaplint/pcaplint/internal/batchq"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// prefetchBatch is how many segments the reading goroutine hands over at
// once, and prefetchDepth how many batches may wait: enough to smooth the
// two sides' pace, small enough to stay a few hundred kilobytes.
const (
	prefetchBatch = 256
	prefetchDepth = 4
)

// segBatch is a run of segments read ahead.
type segBatch struct {
	segs []tcp.Segment
	// payloads holds the segments' payloads: the source's buffer holds
	// only the latest.
	payloads tcp.PayloadCopies
	// idle says the batch was handed over because the source waited for
	// its input (a live pipe gone quiet).
	idle bool
}

// segBatches keeps the batches of every Prefetcher, for the next input.
var segBatches = batchq.NewPool(
	func() *segBatch { return &segBatch{segs: make([]tcp.Segment, 0, prefetchBatch)} },
	func(b *segBatch) { b.segs, b.idle = b.segs[:0], false; b.payloads.Reset() },
	nil)

// Prefetcher is a Source that reads another one ahead in a goroutine, so
// that decoding overlaps with what the caller does with each segment.
// Segments come in the same order with the same contents (their Payload
// only when asked for, see Prefetch). Stats may be read once Next
// returned an error; Close stops the reading early.
type Prefetcher struct {
	src Source
	q   *batchq.Queue[segBatch] // nil: src is read directly
	cur *segBatch
	// payload says the segments keep their Payload.
	payload bool
	next    int
	err     error
}

// Prefetch returns src read ahead by a goroutine, or read directly when
// the process may use only one CPU. payload says whether the segments
// carry their Payload: copying it out of the source's buffer costs a
// copy of every byte, which a caller that never reads it skips (Payload
// is then nil; PayloadLen stays).
func Prefetch(src Source, payload bool) *Prefetcher {
	p := &Prefetcher{src: src, payload: payload}
	if runtime.GOMAXPROCS(0) >= 2 {
		p.q = batchq.New(segBatches, prefetchDepth)
		p.q.Go(p.fill)
	}
	return p
}

// fill reads segments into b until it is full, the input ends or, on a
// live input, the source waits for more. It decodes into one scratch
// segment, as a caller of src.Next would, and copies it out: a reader may
// rely on what it left in the segment last time.
func (p *Prefetcher) fill(b *segBatch) error {
	var seg tcp.Segment
	var err error
	for len(b.segs) < prefetchBatch {
		if len(b.segs) > 0 && p.src.Idle() {
			b.idle = true // what there is now, not when the input goes on
			break
		}
		if err = p.src.Next(&seg); err != nil {
			break
		}
		b.segs = append(b.segs, seg)
		if p.payload {
			b.payloads.Keep(&seg)
		}
	}
	if p.payload {
		b.payloads.Point(b.segs)
	} else {
		for i := range b.segs {
			b.segs[i].Payload = nil
		}
	}
	return err
}

// Next fills seg with the next segment read ahead.
func (p *Prefetcher) Next(seg *tcp.Segment) error {
	if p.q == nil {
		err := p.src.Next(seg)
		if err == nil && !p.payload {
			seg.Payload = nil
		}
		return err
	}
	for p.cur == nil || p.next == len(p.cur.segs) {
		if p.err != nil {
			return p.err
		}
		if p.cur != nil {
			p.q.Release(p.cur)
			p.cur = nil
		}
		b, ok := p.q.Recv()
		if !ok {
			p.err = p.q.Err()
			if p.err == nil { // closed early
				p.err = io.EOF
			}
			p.q.Recycle()
			return p.err
		}
		p.cur, p.next = b, 0
	}
	*seg = p.cur.segs[p.next]
	p.next++
	return nil
}

// Each calls fn with every segment left, as parse.Each does; read ahead,
// each segment is passed in place in its batch: the reading goroutine
// already copied it once, and the caller's goroutine is the busier one.
func (p *Prefetcher) Each(fn func(*tcp.Segment)) error {
	if p.q == nil {
		return Each(p, fn)
	}
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
// reading goroutine waits for a live input (see Source).
func (p *Prefetcher) Idle() bool {
	if p.q == nil {
		return p.src.Idle()
	}
	return p.cur != nil && p.next == len(p.cur.segs) && p.cur.idle && p.q.Waiting() == 0
}

// ReadsAhead reports whether p reads its source on a goroutine of its
// own, or the source does.
func (p *Prefetcher) ReadsAhead() bool { return p.q != nil || p.src.ReadsAhead() }

// Stats counts what the source read; read it once Next returned an error.
func (p *Prefetcher) Stats() *tcp.Stats { return p.src.Stats() }

// Close stops the reading goroutine, and the source's own reading. It is
// safe to call more than once, from any goroutine.
func (p *Prefetcher) Close() {
	if p.q != nil {
		p.q.Stop()
	}
	p.src.Close()
}
