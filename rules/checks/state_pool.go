package checks

import (
	"sync"
	"unsafe"
)

// statePool holds the check state of ended connections for reuse, so that
// an input of many short connections does not allocate and collect one
// state per connection. It is shared by every Engine: batch mode lints
// several inputs at once, one goroutine each, and a connState belongs to
// no engine.
var statePool = sync.Pool{New: func() any { return newSlabState() }}

// stateSlab hands out new states from slabs of stateSlabLen: one
// allocation per slab costs less than one per state.
var stateSlab struct {
	sync.Mutex
	free []connState
}

// stateSlabLen fills a slab of 32 KiB, the allocator's largest size
// class, so that rounding a slab up to its class wastes less than one
// state.
const stateSlabLen = 32 << 10 / int(unsafe.Sizeof(connState{}))

func newSlabState() *connState {
	stateSlab.Lock()
	defer stateSlab.Unlock()
	if len(stateSlab.free) == 0 {
		stateSlab.free = make([]connState, stateSlabLen)
	}
	st := &stateSlab.free[0]
	stateSlab.free = stateSlab.free[1:]
	return st
}

// Release resets the state and returns it to statePool. The Engine calls
// it once every check has seen the connection end (see rules.Conn.Ext).
// The storage of the holes, of the expired list and the extraState is
// kept, emptied; the stores of sent bytes go back to their own pool.
func (st *connState) Release() {
	var holes [2]*[maxHoles]hole
	for d := range st.flows {
		if h := st.flows[d].holes; h != nil {
			*h = [maxHoles]hole{}
			holes[d] = h
		}
	}
	for _, s := range st.sent {
		if s != nil {
			s.release()
		}
	}
	expired := st.v.expired[:0]
	clear(expired[:cap(expired)])
	x := st.x
	if x != nil {
		*x = extraState{}
	}
	*st = connState{}
	st.v.expired = expired
	st.flows[0].holes, st.flows[1].holes = holes[0], holes[1]
	st.x = x
	statePool.Put(st)
}
