package tcpdump

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
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

// batchPool keeps batches for the next input.
var batchPool = sync.Pool{New: func() any {
	return &lineBatch{items: make([]lineItem, 0, aheadBatch), text: make([]byte, 0, aheadBatch*160)}
}}

// stopper ends the reading of an input. It lives apart from the Reader,
// so that neither the reading goroutine nor the cleanup that stops it
// keeps an abandoned Reader alive.
type stopper struct {
	once   sync.Once
	done   chan struct{}
	closed atomic.Bool
}

func newStopper() *stopper { return &stopper{done: make(chan struct{})} }

func (s *stopper) stop() {
	s.once.Do(func() {
		s.closed.Store(true)
		close(s.done)
	})
}

// readAhead runs a lineStage on its own goroutine, so that reading and
// classifying lines overlaps with parsing the packets they make. The
// items come out in input order with the same contents. A batch is handed
// over when it is full, at the end of the input, and whenever the input
// has nothing more buffered, so that a live pipe is read as promptly as
// without it.
type readAhead struct {
	full <-chan *lineBatch
	free chan *lineBatch
	cur  *lineBatch
	next int
	// grace, when not 0, is how long the input may be quiet before item
	// says so (itemIdle), once per quiet spell: a live input (see
	// Options.Live).
	grace time.Duration
	timer *time.Timer
	quiet bool // itemIdle was given since the last batch
}

// startReadAhead starts reading s ahead. The goroutine ends at the end of
// the input, at a read error, or when stop is called.
func startReadAhead(s *lineStage, stop *stopper) *readAhead {
	full := make(chan *lineBatch, aheadDepth)
	free := make(chan *lineBatch, aheadDepth+1)
	go run(s, full, free, stop.done)
	return &readAhead{full: full, free: free}
}

// worthReadingAhead reports whether a second goroutine can run beside the
// reader's caller.
func worthReadingAhead() bool { return runtime.GOMAXPROCS(0) >= 2 }

// run fills batches from s. It takes a new batch from the pool while
// fewer than aheadDepth+1 are out, so that a short input touches one.
func run(s *lineStage, full chan<- *lineBatch, free <-chan *lineBatch, done <-chan struct{}) {
	defer close(full)
	made := 0
	for {
		var b *lineBatch
		select {
		case b = <-free:
		default:
			if made < aheadDepth+1 {
				made++
				b = batchPool.Get().(*lineBatch)
				break
			}
			select {
			case b = <-free:
			case <-done:
				return
			}
		}
		last := fill(s, b)
		select {
		case full <- b:
		case <-done:
			return
		}
		if last {
			return
		}
	}
}

// fill reads lines into b until it is full, the input ends, or the input
// has nothing more buffered; it reports whether the input ended.
func fill(s *lineStage, b *lineBatch) bool {
	b.items, b.text = b.items[:0], b.text[:0]
	for len(b.items) < aheadBatch && len(b.text) < aheadBytes {
		b.items = append(b.items, lineItem{})
		it := &b.items[len(b.items)-1]
		s.next(it)
		it.off = len(b.text)
		b.text = append(b.text, it.line...)
		it.end, it.line = len(b.text), nil
		if it.last() {
			return true
		}
		if s.lines.br.Buffered() == 0 {
			break
		}
	}
	return false
}

// item returns the next item; its line is valid until the next call. Once
// the goroutine has stopped, the items end as the input would.
func (a *readAhead) item() *lineItem {
	for a.cur == nil || a.next == len(a.cur.items) {
		if a.cur != nil {
			a.free <- a.cur
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
		b, ok = <-a.full
		a.quiet = false
		return b, ok, false
	}
	select {
	case b, ok = <-a.full:
		return b, ok, false
	default:
	}
	if a.timer == nil {
		a.timer = time.NewTimer(a.grace)
	} else {
		a.timer.Reset(a.grace)
	}
	select {
	case b, ok = <-a.full:
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
	return (a.cur == nil || a.next == len(a.cur.items)) && len(a.full) == 0
}

// recycle puts the batches the goroutine has handed back for good in the
// pool: the current one, once its last item was taken, and those waiting
// to be filled again (a batch it holds, or has sent, is left to the
// garbage collector).
func (a *readAhead) recycle() {
	if a.cur != nil {
		pool(a.cur)
		a.cur = nil
	}
	for {
		select {
		case b := <-a.free:
			pool(b)
		default:
			return
		}
	}
}

// pool keeps b for the next input, unless a long line has made its text
// buffer much larger than a batch needs.
func pool(b *lineBatch) {
	if cap(b.text) <= 2*aheadBytes {
		batchPool.Put(b)
	}
}
