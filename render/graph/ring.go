package graph

// ringCap bounds the recent segments a Collector remembers, to place the
// findings the checks report a few segments late; older ones are
// forgotten, so that memory stays bounded.
const ringCap = 4096

// ring is a FIFO queue of at most ringCap values. Its buffer's length is
// a power of two, so that a place in it is a mask, not a division.
type ring[T any] struct {
	buf        []T
	head, size int
}

func (r *ring[T]) len() int { return r.size }

// push appends v, dropping the oldest value when full.
func (r *ring[T]) push(v T) {
	if r.buf == nil {
		r.buf = make([]T, 64)
	}
	if r.size == len(r.buf) {
		if len(r.buf) < ringCap {
			r.grow()
		} else {
			r.head = (r.head + 1) & (len(r.buf) - 1)
			r.size--
		}
	}
	r.buf[(r.head+r.size)&(len(r.buf)-1)] = v
	r.size++
}

func (r *ring[T]) grow() {
	b := make([]T, 2*len(r.buf))
	for i := range r.size {
		b[i] = r.buf[(r.head+i)&(len(r.buf)-1)]
	}
	r.buf, r.head = b, 0
}

func (r *ring[T]) front() *T { return &r.buf[r.head] }

// at is the i-th oldest value.
func (r *ring[T]) at(i int) *T { return &r.buf[(r.head+i)&(len(r.buf)-1)] }

func (r *ring[T]) pop() T {
	v := r.buf[r.head]
	r.head = (r.head + 1) & (len(r.buf) - 1)
	r.size--
	return v
}
