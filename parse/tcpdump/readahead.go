package tcpdump

import (
	"io"
	"runtime"
	"time"

	"github.com/pcaplint/pcaplint/internal/batchq"
)

// aheadBatch is how many lines the first stage hands over at most at
// once, aheadBytes about how much text, and aheadDepth how many batches
// may wait: the text read ahead stays within a few megabytes, whatever
// the lines' lengths.
const (
	aheadBatch = 256
	aheadBytes = 256 << 10
	aheadDepth = 4
)

// lineBatch is a run of lines read ahead: their items, and their text end
// to end.
type lineBatch struct {
	items []lineItem
	text  []byte
}

// lineBatches keeps batches for the next input, unless a long line has
// made a batch's text buffer much larger than a batch needs.
var lineBatches = batchq.NewPool(
	func() *lineBatch {
		return &lineBatch{items: make([]lineItem, 0, aheadBatch), text: make([]byte, 0, aheadBatch*160)}
	},
	func(b *lineBatch) { b.items, b.text = b.items[:0], b.text[:0] },
	func(b *lineBatch) bool { return cap(b.text) <= 2*aheadBytes })

// newLineQueue returns the queue that a reader's lines are read ahead
// through, once started (startReadAhead). It lives apart from the
// Reader, so that neither the reading goroutine nor the cleanup that
// stops it keeps an abandoned Reader alive; Stop ends the reading.
func newLineQueue() *batchq.Queue[lineBatch] { return batchq.New(lineBatches, aheadDepth) }

// readAhead runs a lineStage on its own goroutine, so that reading and
// classifying lines overlaps with parsing the records they make. The
// items come out in input order with the same contents. A batch is handed
// over when it is full, at the end of the input, and whenever the input
// has nothing more buffered, so that a live pipe is read as promptly as
// without it.
type readAhead struct {
	q    *batchq.Queue[lineBatch]
	cur  *lineBatch
	next int
	// grace, when not 0, is how long the input may be quiet before item
	// says so (itemIdle), once per quiet spell: a live input (see
	// Options.Live).
	grace time.Duration
	timer *time.Timer
	quiet bool // itemIdle was given since the last batch
}

// startReadAhead starts reading s ahead through q. The goroutine ends at
// the end of the input, at a read error, or when q is stopped.
func startReadAhead(s *lineStage, q *batchq.Queue[lineBatch]) *readAhead {
	q.Go(func(b *lineBatch) error { return fill(s, b) })
	return &readAhead{q: q}
}

// worthReadingAhead reports whether a second goroutine can run beside the
// reader's caller.
func worthReadingAhead() bool { return runtime.GOMAXPROCS(0) >= 2 }

// fill reads lines into b until it is full, the input ends, or the input
// has nothing more buffered; it returns io.EOF when the input ended (its
// last item says how).
func fill(s *lineStage, b *lineBatch) error {
	for len(b.items) < aheadBatch && len(b.text) < aheadBytes {
		b.items = append(b.items, lineItem{})
		it := &b.items[len(b.items)-1]
		s.next(it)
		it.off = len(b.text)
		b.text = append(b.text, it.line...)
		it.end, it.line = len(b.text), nil
		if it.last() {
			return io.EOF
		}
		if s.lines.br.Buffered() == 0 {
			break
		}
	}
	return nil
}

// item returns the next item; its line is valid until the next call. Once
// the goroutine has stopped, the items end as the input would.
func (a *readAhead) item() *lineItem {
	for a.cur == nil || a.next == len(a.cur.items) {
		if a.cur != nil {
			a.q.Release(a.cur)
			a.cur = nil
		}
		b, ok, quiet := a.wait()
		if quiet {
			return &idleItem
		}
		if !ok {
			return &lineItem{what: itemEOF}
		}
		a.cur, a.next = b, 0
	}
	it := &a.cur.items[a.next]
	a.next++
	it.line = a.cur.text[it.off:it.end]
	return it
}

// idleItem is what item returns when a live input is quiet.
var idleItem = lineItem{what: itemIdle}

// wait returns the next batch (ok false when there are no more) or,
// reading a live input that is quiet for a.grace, none and quiet true,
// once until the next batch comes. A file or a busy pipe seldom finds the
// channel empty, and then pays for one timer reset.
func (a *readAhead) wait() (b *lineBatch, ok, quiet bool) {
	if a.grace == 0 || a.quiet {
		b, ok = a.q.Recv()
		a.quiet = false
		return b, ok, false
	}
	full := a.q.Full()
	select {
	case b, ok = <-full:
		return b, ok, false
	default:
	}
	if a.timer == nil {
		a.timer = time.NewTimer(a.grace)
	} else {
		a.timer.Reset(a.grace)
	}
	select {
	case b, ok = <-full:
		a.timer.Stop()
		return b, ok, false
	case <-a.timer.C:
		a.quiet = true
		return nil, false, true
	}
}

// drained reports whether every line read so far was taken: the next
// item waits for the input.
func (a *readAhead) drained() bool {
	return (a.cur == nil || a.next == len(a.cur.items)) && a.q.Waiting() == 0
}

// recycle puts the batches the goroutine has handed back for good in the
// pool, once it has ended: the current one, once its last item was
// taken, and those waiting to be filled again.
func (a *readAhead) recycle() {
	if a.cur != nil {
		a.q.Release(a.cur)
		a.cur = nil
	}
	a.q.Recycle()
}
