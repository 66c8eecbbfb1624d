package rules

import (
	"encoding/binary"
	"errors"
	"io"
	"slices"
	"sync"

	"github.com/pcaplint/pcaplint/internal/batchq"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// DefaultLanes is how many trackers Lanes splits an input's connections
// among. It is fixed, not the number of CPUs, so that the report is the
// same on every machine: only the connection-table cap is divided among
// lanes, and that decides which connections a flood evicts.
const DefaultLanes = 4

// laneBatch is how many segments the reading goroutine hands a lane at
// once, and laneDepth how many batches may wait for each lane.
const (
	laneBatch = 512
	laneDepth = 4
)

// Lanes tracks one input on several goroutines: the caller's goroutine
// reads and decodes, and each lane, a Tracker with its own observers,
// takes the connections whose 4-tuple hashes to it. A connection always
// goes to one lane, so each tracker sees whole connections in input
// order, and checks need no locks.
//
// Connections are numbered as one tracker would number them, in the order
// they opened in the input, once the input is read: IDs seen while reading
// (in Conn.ID, or a finding's ConnRef) are each lane's own. Use Number on
// the connections and findings kept, and MergeFindings for the engines'
// findings (Findings does both). Observers that need the final IDs while
// reading, such as custom rules that read a connection's id, need a single
// Tracker.
type Lanes struct {
	// Trackers are the lanes' trackers, each with its observers.
	Trackers []*Tracker
	// Engines are the lanes' check engines, if any, in lane order.
	Engines []*Engine
	// Payload keeps each segment's bytes (tcp.Segment.Payload) for the
	// trackers' observers. Copying them out of the source's buffer costs
	// a copy of every byte, so that without it they are kept only when an
	// engine's check reads them (Engine.ReadsPayload), and Payload is nil
	// otherwise.
	Payload bool
}

// laneWork is a batch of segments for one lane, with their connection
// keys and their ordinals in the input.
type laneWork struct {
	segs []tcp.Segment
	keys []connKey
	ords []uint64
	// payloads holds the segments' payloads: the source's buffer holds
	// only the latest.
	payloads tcp.PayloadCopies
}

// laneWorks keeps batches for the next input: inputs read one after
// another, or in parallel by a batch run, reuse them.
var laneWorks = batchq.NewPool(
	func() *laneWork {
		return &laneWork{segs: make([]tcp.Segment, 0, laneBatch), keys: make([]connKey, 0, laneBatch), ords: make([]uint64, 0, laneBatch)}
	},
	(*laneWork).reset, nil)

// NewLanes makes n lanes (DefaultLanes when n <= 0); build returns the
// tracker of lane i and its engine (nil when it runs no checks). A
// tracker without MaxConns gets an equal share of DefaultMaxConns.
func NewLanes(n int, build func(i int) (*Tracker, *Engine)) *Lanes {
	if n <= 0 {
		n = DefaultLanes
	}
	s := &Lanes{}
	for i := range n {
		tr, eng := build(i)
		tr.inLane = true
		if tr.MaxConns == 0 {
			tr.MaxConns = DefaultMaxConns / n // the table's cap, shared
		}
		s.Trackers = append(s.Trackers, tr)
		if eng != nil {
			s.Engines = append(s.Engines, eng)
		}
	}
	return s
}

// readsPayload reports whether the lanes keep the segments' bytes.
func (s *Lanes) readsPayload() bool {
	return s.Payload || slices.ContainsFunc(s.Engines, (*Engine).ReadsPayload)
}

// Run reads src to its end, feeding every segment to its lane's tracker,
// then ends every connection (Flush). It returns the error that stopped
// the reading early, as parse.Each does.
func (s *Lanes) Run(src parse.Source) error {
	n := len(s.Trackers)
	payload := s.readsPayload()
	qs := make([]*batchq.Queue[laneWork], n)
	cur := make([]*laneWork, n)
	var wg sync.WaitGroup
	for i, tr := range s.Trackers {
		qs[i] = batchq.New(laneWorks, laneDepth)
		wg.Go(func() { runLane(tr, qs[i]) })
	}
	var err error
	var ord uint64
	var seg tcp.Segment
	// names numbers the endpoints that do not pack into a key, for every
	// lane: a tracker takes the keys made here as they are.
	var names interner
	for {
		if e := src.Next(&seg); e != nil {
			if !errors.Is(e, io.EOF) {
				err = e
			}
			break
		}
		key := names.keyOf(seg.Src, seg.Dst)
		i := key.lane(n)
		if cur[i] == nil {
			cur[i] = qs[i].Empty()
		}
		w := cur[i]
		ord++
		if payload {
			w.payloads.Keep(&seg)
		} else {
			seg.Payload = nil // it points into the source's buffer
		}
		w.segs = append(w.segs, seg)
		w.keys = append(w.keys, key)
		w.ords = append(w.ords, ord)
		if len(w.segs) == laneBatch {
			w.send(qs[i], payload)
			cur[i] = nil
		}
	}
	for i, q := range qs {
		if w := cur[i]; w != nil {
			w.send(q, payload)
		}
		q.Close(nil)
	}
	wg.Wait()
	for _, q := range qs {
		q.Recycle()
	}
	return err
}

// send hands w, complete, to its lane's queue.
func (w *laneWork) send(q *batchq.Queue[laneWork], payload bool) {
	if payload {
		w.payloads.Point(w.segs)
	}
	q.Send(w)
}

// runLane feeds the batches of one lane to its tracker until they end,
// then ends its connections.
func runLane(tr *Tracker, q *batchq.Queue[laneWork]) {
	for {
		w, ok := q.Recv()
		if !ok {
			break
		}
		for j := range w.segs {
			tr.ord = w.ords[j]
			tr.addKeyed(w.keys[j], &w.segs[j])
		}
		q.Release(w)
	}
	tr.Flush()
}

// reset empties a batch for reuse, keeping its storage.
func (w *laneWork) reset() {
	w.segs, w.keys, w.ords = w.segs[:0], w.keys[:0], w.ords[:0]
	w.payloads.Reset()
}

// lane is the lane of the connection with key k among n: a hash of the
// key, the same in every run.
func (k *connKey) lane(n int) int {
	h := uint64(k.lo.port)<<16 | uint64(k.hi.port) | uint64(k.lo.kind)<<32 | uint64(k.hi.kind)<<40
	for _, a := range [2]*[16]byte{&k.lo.addr, &k.hi.addr} {
		h = mix64(h ^ binary.LittleEndian.Uint64(a[:8]))
		h = mix64(h ^ binary.LittleEndian.Uint64(a[8:]))
	}
	return int((h >> 32) % uint64(n))
}

// mix64 is MurmurHash3's 64-bit finaliser.
func mix64(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb93e53b5a3
	h ^= h >> 33
	return h
}
