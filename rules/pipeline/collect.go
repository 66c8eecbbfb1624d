package pipeline

import (
	"maps"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/stats"
)

// Sink receives the connections of one tracker as they end, with their
// statistics when Options.Measure is set (else sum is nil). It must copy
// what it keeps: the tracker reuses the connection's memory.
type Sink interface {
	Add(c *rules.Conn, sum *stats.Summary)
}

// collector keeps the connections one tracker ends, or as much of them as
// keep says, and counts the segments without flags or time.
type collector struct {
	keep     Keep
	conns    []*rules.Conn
	n        int
	flagless int64
	untimed  int64
	sink     Sink
	// stats, when set, measures the connections (Options.Measure); the
	// collector keeps each one's Summary beside it, in summaries or by
	// the sink.
	stats     *stats.Observer
	summaries map[*rules.Conn]stats.Summary
}

// Segment implements rules.Observer.
func (c *collector) Segment(_ *rules.Conn, _ rules.Dir, seg *tcp.Segment, _ bool) {
	if !seg.Has(tcp.KnownFlags) {
		c.flagless++
	}
	if !seg.Has(tcp.KnownTime) {
		c.untimed++
	}
}

// End implements rules.Observer: it keeps what c.keep says of conn, and
// its statistics when measured (the tracker calls it before the stats
// observer's End).
func (c *collector) End(conn *rules.Conn, _ rules.EndReason) {
	c.n++
	var sum *stats.Summary
	if c.stats != nil {
		if s, ok := c.stats.Summary(conn); ok {
			sum = &s
		}
	}
	if c.sink != nil {
		c.sink.Add(conn, sum)
		return
	}
	switch c.keep {
	case KeepConns:
		c.conns = append(c.conns, conn)
		if sum != nil {
			c.summaries[conn] = *sum
		}
	case KeepRefs:
		c.conns = append(c.conns, conn.Ref().Conn())
	}
}

// measure makes tr measure its connections for c: a stats observer after
// every other, the engine included, whose classification of
// retransmissions it reads.
func (c *collector) measure(tr *rules.Tracker) {
	c.stats = stats.NewObserver()
	c.summaries = make(map[*rules.Conn]stats.Summary)
	tr.Observers = append(tr.Observers, c.stats)
}

// into adds what c collected to res.
func (c *collector) into(res *Result) {
	res.Conns = append(res.Conns, c.conns...)
	if c.summaries != nil {
		if res.ConnStats == nil {
			res.ConnStats = make(map[*rules.Conn]stats.Summary)
		}
		maps.Copy(res.ConnStats, c.summaries)
	}
	res.ConnCount += c.n
	res.Flagless += c.flagless
	res.Untimed += c.untimed
}
