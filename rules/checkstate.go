package rules

import (
	"sync"
	"sync/atomic"
	"unsafe"
)

// CheckState is a key to a check's own state of each connection, a T: a
// check (or an Analysis) declares one in its file, with NewCheckState,
// and reads it with Of. The engine gives a connection a zeroed T at the
// key's first use on it, and takes every T of the connection back once
// every check has seen it end (Engine.End): the T goes back to the key's
// pool, emptied by its Reset method when *T has one (to keep storage it
// allocated), zeroed otherwise, and serves another connection. No check
// declares its fields anywhere else; see docs/design/checks-state.md.
type CheckState[T any] struct {
	id   int
	name string
	pool sync.Pool
	slab slab[T]
}

// NewCheckState registers a key to per-connection state of type T; name
// says whose it is, for messages. Call it once, for a package-level
// variable: every key costs each connection with state a pointer.
func NewCheckState[T any](name string) *CheckState[T] {
	s := &CheckState[T]{name: name}
	s.pool.New = func() any { return s.slab.get() }
	stateKeys.Lock()
	defer stateKeys.Unlock()
	old := registeredKeys()
	keys := make([]stateKey, 0, len(old)+1)
	keys = append(append(keys, old...), s)
	s.id = len(keys) - 1
	stateKeys.list.Store(&keys)
	return s
}

// Of returns the T of c, zeroed at the first call on c. It allocates only
// then, and only when no released T is free.
func (s *CheckState[T]) Of(c *Conn) *T {
	if s.id < len(c.states) {
		if p := c.states[s.id]; p != nil {
			return (*T)(p)
		}
	}
	return s.first(c)
}

// Peek returns the T of c, or nil when no Of has given c one: for checks
// that have nothing to do on a connection they never kept anything for.
func (s *CheckState[T]) Peek(c *Conn) *T {
	if s.id < len(c.states) {
		return (*T)(c.states[s.id])
	}
	return nil
}

// Name is whose state the key is.
func (s *CheckState[T]) Name() string { return s.name }

// first hangs a T from the pool on c. It is apart from Of, and never
// inlined into it, so that Of, called for every segment, stays small
// enough to inline.
//
//go:noinline
func (s *CheckState[T]) first(c *Conn) *T {
	if s.id >= len(c.states) {
		c.states = growTable(c.states)
	}
	v := s.pool.Get().(*T)
	c.states[s.id] = unsafe.Pointer(v)
	return v
}

// release empties the T at p and puts it back into the pool.
func (s *CheckState[T]) release(p unsafe.Pointer) {
	v := (*T)(p)
	if r, ok := any(v).(interface{ Reset() }); ok {
		r.Reset()
	} else {
		var zero T
		*v = zero
	}
	s.pool.Put(v)
}

// stateKey is a CheckState of any type, as the registry holds it.
type stateKey interface {
	release(p unsafe.Pointer)
}

// stateKeys are the registered keys, by id: each connection's table of
// states (Conn.states) has one pointer per key. The list is replaced, not
// changed, when a key registers, so that engines read it without a lock.
var stateKeys struct {
	sync.Mutex
	list atomic.Pointer[[]stateKey]
}

// registeredKeys is the list of registered keys (none before the first
// registers: package variables, keys among them, are set before init).
func registeredKeys() []stateKey {
	if l := stateKeys.list.Load(); l != nil {
		return *l
	}
	return nil
}

// releaseStates gives every state of c back to its key and lets c's table
// go, so that the connections a caller keeps for its report keep no
// check state.
func releaseStates(c *Conn) {
	t := c.states
	if t == nil {
		return
	}
	c.states = nil
	keys := registeredKeys()
	for i, p := range t {
		if p != nil {
			keys[i].release(p)
			t[i] = nil
		}
	}
	if n := len(t); n < len(tablePools) {
		tablePools[n].Put(&t[0])
	}
}

// tablePools hold released tables by length (the number of keys when the
// table was made), as a pointer to their first slot, which sync.Pool
// keeps without allocating.
var tablePools [64]sync.Pool

// tableSlab hands out new tables from one slab of pointers.
var tableSlab struct {
	sync.Mutex
	free []unsafe.Pointer
}

// growTable returns a table with a slot for every registered key, t's
// states in it.
func growTable(t []unsafe.Pointer) []unsafe.Pointer {
	n := len(registeredKeys())
	var nt []unsafe.Pointer
	if n < len(tablePools) {
		if p, ok := tablePools[n].Get().(*unsafe.Pointer); ok {
			nt = unsafe.Slice(p, n)
		}
	}
	if nt == nil {
		nt = newTable(n)
	}
	copy(nt, t)
	if len(t) > 0 && len(t) < len(tablePools) {
		clear(t)
		tablePools[len(t)].Put(&t[0])
	}
	return nt
}

// newTable carves a table of n slots from tableSlab.
func newTable(n int) []unsafe.Pointer {
	tableSlab.Lock()
	defer tableSlab.Unlock()
	if len(tableSlab.free) < n {
		tableSlab.free = make([]unsafe.Pointer, max(n, slabBytes/int(unsafe.Sizeof(unsafe.Pointer(nil)))))
	}
	t := tableSlab.free[:n:n]
	tableSlab.free = tableSlab.free[n:]
	return t
}

// slabBytes is the size of a slab: 32 KiB, the allocator's largest size
// class, so that rounding a slab up to its class wastes less than one
// element.
const slabBytes = 32 << 10

// slab hands out new Ts from slabs of slabBytes: one allocation per slab
// costs less than one per state, and a T costs its size, not its size
// rounded up to the allocator's class.
type slab[T any] struct {
	sync.Mutex
	free []T
}

func (s *slab[T]) get() *T {
	s.Lock()
	defer s.Unlock()
	if len(s.free) == 0 {
		s.free = make([]T, max(1, slabBytes/max(1, int(unsafe.Sizeof(*new(T))))))
	}
	v := &s.free[0]
	s.free = s.free[1:]
	return v
}
