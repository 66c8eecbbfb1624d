package explain

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// snapshot is a tracker observer that keeps a copy of a connection as it
// was just before the tracker folds the current segment in, and the
// connections the tracker let go of.
type snapshot struct {
	seen   bool // the tracker called Segment for the current segment
	isNew  bool
	before rules.Conn
	ended  []endOf
}

// endOf is a connection the tracker let go of, and why.
type endOf struct {
	c   *rules.Conn
	why rules.EndReason
}

// Segment copies the connection; the copy's Transitions keeps its length,
// so the transitions appended during the update are the ones past it.
func (s *snapshot) Segment(c *rules.Conn, _ rules.Dir, _ *tcp.Segment, isNew bool) {
	s.seen, s.isNew, s.before = true, isNew, *c
}

// End collects an ended connection for its summary.
func (s *snapshot) End(c *rules.Conn, why rules.EndReason) {
	s.ended = append(s.ended, endOf{c, why})
}
