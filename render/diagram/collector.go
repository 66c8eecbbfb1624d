package diagram

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// DefaultMaxSegs is how many segments a Collector keeps per connection. A
// diagram folds far below that; the cap only bounds memory on huge inputs.
const DefaultMaxSegs = 100_000

// Collector is a rules.Observer that keeps the segments of the connections
// it is asked to keep. Past MaxSegs segments it keeps the first half and the
// most recent ones, counting what it lets go in Conversation.Elided.
type Collector struct {
	// Keep selects connections when they open; nil keeps every one.
	Keep func(c *rules.Conn) bool
	// MaxSegs caps the segments kept per connection (DefaultMaxSegs when 0).
	MaxSegs int

	convs map[*rules.Conn]*Conversation
	order []*Conversation
}

// Segment keeps seg when its connection is kept.
func (r *Collector) Segment(c *rules.Conn, d rules.Dir, seg *tcp.Segment, isNew bool) {
	if r.convs == nil {
		r.convs = map[*rules.Conn]*Conversation{}
	}
	conv, ok := r.convs[c]
	if !ok {
		if !isNew || (r.Keep != nil && !r.Keep(c)) {
			return
		}
		conv = &Conversation{Conn: c}
		r.convs[c] = conv
		r.order = append(r.order, conv)
	}
	limit := r.MaxSegs
	if limit <= 0 {
		limit = DefaultMaxSegs
	}
	if len(conv.Segs) >= limit {
		elide(conv, limit/2, max(limit/4, 1))
	}
	conv.Segs = append(conv.Segs, SegOf(seg, d))
}

// elide drops n segments after the first head, extending the elided span
// (which therefore stays contiguous).
func elide(conv *Conversation, head, n int) {
	e := &conv.Elided
	drop := conv.Segs[head : head+n]
	if e.Segments == 0 {
		e.At = head
		e.First = drop[0].Time
	}
	for i := range drop {
		e.Bytes += int64(drop[i].PayloadLen)
	}
	e.Segments += n
	e.Last = drop[n-1].Time
	conv.Segs = append(conv.Segs[:head], conv.Segs[head+n:]...)
}

// End lets the collector know the connection ended; its segments stay.
func (r *Collector) End(*rules.Conn, rules.EndReason) {}

// Conversations returns the kept conversations in the order they opened.
func (r *Collector) Conversations() []*Conversation { return r.order }
