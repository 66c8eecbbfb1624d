package rules

import (
	"encoding/binary"
	"errors"
	"io"
	"sync"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// DefaultShards is how many trackers Shards splits an input's connections
// among. It is fixed, not the number of CPUs, so that the report is the
// same on every machine: only the connection-table cap is divided among
// shards, and that decides which connections a flood evicts.
const DefaultShards = 4

// shardBatch is how many segments the reading goroutine hands a shard at
// once, and shardDepth how many batches may wait for each shard.
const (
	shardBatch = 512
	shardDepth = 4
)

// Shards tracks one input on several goroutines: the caller's goroutine
// reads and decodes, and each shard, a Tracker with its own observers,
// takes the connections whose 4-tuple hashes to it. A connection always
// goes to one shard, so each tracker sees whole connections in input
// order, and checks need no locks.
//
// Connections are numbered as one tracker would number them, in the order
// they opened in the input, once the input is read: IDs seen while reading
// (in Conn.ID, or a finding's ConnRef) are each shard's own. Use Number on
// the connections and findings kept, and MergeFindings for the engines'
// findings (Findings does both). Observers that need the final IDs while
// reading, such as custom rules that read a connection's id, need a single
// Tracker.
type Shards struct {
	// Trackers are the shards' trackers, each with its observers.
	Trackers []*Tracker
	// Engines are the shards' check engines, if any, in shard order.
	Engines []*Engine
}

// shardWork is a batch of segments for one shard, with their connection
// keys and their ordinals in the input.
type shardWork struct {
	segs []tcp.Segment
	keys []connKey
	ords []uint64
	// payloads holds the segments' payloads: the source's buffer holds
	// only the latest.
	payloads tcp.PayloadCopies
}

// NewShards makes n shards (DefaultShards when n <= 0); build returns the
// tracker of shard i and its engine (nil when it runs no checks). A
// tracker without MaxConns gets an equal share of DefaultMaxConns.
func NewShards(n int, build func(i int) (*Tracker, *Engine)) *Shards {
	if n <= 0 {
		n = DefaultShards
	}
	s := &Shards{}
	for i := range n {
		tr, eng := build(i)
		tr.sharded = true
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

// Run reads src to its end, feeding every segment to its shard's tracker,
// then ends every connection (Flush). It returns the error that stopped
// the reading early, as parse.Each does.
func (s *Shards) Run(src parse.Source) error {
	n := len(s.Trackers)
	full := make([]chan *shardWork, n)
	free := make([]chan *shardWork, n)
	made := make([]int, n)
	cur := make([]*shardWork, n)
	var wg sync.WaitGroup
	for i, tr := range s.Trackers {
		full[i] = make(chan *shardWork, shardDepth)
		free[i] = make(chan *shardWork, shardDepth+1)
		wg.Go(func() { runShard(tr, full[i], free[i]) })
	}
	// take returns an empty batch for shard i: one it handed back, else a
	// new one while it has fewer than it may have waiting, else the next
	// it hands back. A small input touches few batches.
	take := func(i int) *shardWork {
		select {
		case w := <-free[i]:
			return w
		default:
		}
		if made[i] < shardDepth+1 {
			made[i]++
			return shardWorkPool.Get().(*shardWork)
		}
		return <-free[i]
	}
	var err error
	var ord uint64
	var seg tcp.Segment
	// names numbers the endpoints that do not pack into a key, for every
	// shard: a tracker takes the keys made here as they are.
	var names interner
	for {
		if e := src.Next(&seg); e != nil {
			if !errors.Is(e, io.EOF) {
				err = e
			}
			break
		}
		key := names.keyOf(seg.Src, seg.Dst)
		i := key.shard(n)
		if cur[i] == nil {
			cur[i] = take(i)
		}
		w := cur[i]
		ord++
		w.segs = append(w.segs, seg)
		w.keys = append(w.keys, key)
		w.ords = append(w.ords, ord)
		w.payloads.Keep(&seg)
		if len(w.segs) == shardBatch {
			w.payloads.Point(w.segs)
			full[i] <- w
			cur[i] = nil
		}
	}
	for i := range cur {
		if w := cur[i]; w != nil {
			w.payloads.Point(w.segs)
			full[i] <- w
		}
		close(full[i])
	}
	wg.Wait()
	for i := range free {
		for range made[i] {
			w := <-free[i]
			w.reset()
			shardWorkPool.Put(w)
		}
	}
	return err
}

// shardWorkPool keeps batches for the next input: inputs read one after
// another, or in parallel by a batch run, reuse them.
var shardWorkPool = sync.Pool{New: func() any {
	return &shardWork{segs: make([]tcp.Segment, 0, shardBatch), keys: make([]connKey, 0, shardBatch), ords: make([]uint64, 0, shardBatch)}
}}

// runShard feeds the batches of one shard to its tracker until they end,
// then ends its connections.
func runShard(tr *Tracker, full <-chan *shardWork, free chan<- *shardWork) {
	for w := range full {
		for j := range w.segs {
			tr.ord = w.ords[j]
			tr.addKeyed(w.keys[j], &w.segs[j])
		}
		w.reset()
		free <- w
	}
	tr.Flush()
}

// reset empties a batch for reuse, keeping its storage.
func (w *shardWork) reset() {
	w.segs, w.keys, w.ords = w.segs[:0], w.keys[:0], w.ords[:0]
	w.payloads.Reset()
}

// shard is the shard of the connection with key k among n: a hash of the
// key, the same in every run.
func (k *connKey) shard(n int) int {
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
