package stats

import "github.com/pcaplint/pcaplint/rules"

// perConn holds a T for each live connection, and the Ts of ended
// connections for the next ones to reuse, so that a long input of short
// connections allocates once per connection alive at a time.
type perConn[T any] struct {
	live map[*rules.Conn]*T
	free []*T
}

// of returns the T of c, taking a free one (or a new one) on first use.
func (p *perConn[T]) of(c *rules.Conn) *T {
	if v := p.live[c]; v != nil {
		return v
	}
	var v *T
	if n := len(p.free); n > 0 {
		v, p.free = p.free[n-1], p.free[:n-1]
	} else {
		v = new(T)
	}
	if p.live == nil {
		p.live = make(map[*rules.Conn]*T)
	}
	p.live[c] = v
	return v
}

// release lets the T of c go, after reset has emptied it, and reports
// whether c had one.
func (p *perConn[T]) release(c *rules.Conn, reset func(*T)) bool {
	v := p.live[c]
	if v == nil {
		return false
	}
	delete(p.live, c)
	reset(v)
	p.free = append(p.free, v)
	return true
}
