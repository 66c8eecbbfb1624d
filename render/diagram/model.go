package diagram

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// Diagram is a sequence diagram: lifelines (Lanes) and what happens
// between them, one Row after the other, time flowing down.
type Diagram struct {
	// Caption says what is drawn: the connection or the file.
	Caption string
	Lanes   []Lane
	Rows    []Row
	// Start is the time of the first segment; row times count from it.
	Start time.Time
	// States is set when the lanes carry RFC 9293 state changes.
	States bool
	// Legend lists the findings by rule, with counts, worst first and then
	// in rule order.
	Legend []LegendEntry
	// Segments counts every segment drawn or folded.
	Segments int
	// Lang is the language of the diagram's words (Options.Lang).
	Lang rules.Lang
}

// Lane is one lifeline: an endpoint and the role it plays.
type Lane struct {
	Endpoint tcp.Endpoint
	Role     string
	// Initial is the RFC 9293 state before the first segment, when States.
	Initial string
}

// Label is the lane's heading, host:port, with a host name longer than
// any DNS name shortened.
func (l Lane) Label() string { return shorten(l.Endpoint.String(), 80) }

// RowKind says what a row shows.
type RowKind uint8

// Row kinds.
const (
	RowSegment   RowKind = iota // an arrow from sender to receiver
	RowLost                     // a segment the capture lacks: an arrow ending in a cross
	RowGap                      // an idle period longer than the gap threshold
	RowFold                     // a run of segments folded into one line
	RowContinued                // where a page ends or the next begins (Pages); Label says which
)

// Class sorts segments for styling.
type Class uint8

// Segment classes.
const (
	ClassAck Class = iota // pure acknowledgement
	ClassData
	ClassSYN
	ClassFIN
	ClassRST
)

// String names the class, as SVG and DOT class names use it.
func (c Class) String() string {
	return [...]string{"ack", "data", "syn", "fin", "rst"}[c]
}

// Row is one line of the diagram.
type Row struct {
	Kind RowKind
	// Time is when the segment was seen (RowSegment), or when the gap or
	// folded run began.
	Time time.Time
	// From and To are lane indexes (RowSegment, RowLost).
	From, To int
	// Conn is the connection's ID.
	Conn int
	// Label is the tcpdump-style text on the arrow, or what a RowContinued
	// says.
	Label string
	Class Class
	// Tags are notes beside the arrow, such as "retransmission".
	Tags []string
	// Findings are the findings about this segment.
	Findings []rules.Finding
	// States are the state changes this segment caused.
	States []StateMark
	// Pos is where the segment was read.
	Pos tcp.Pos
	// Payload counts the segment's payload bytes.
	Payload uint32
	// Duration is the length of a gap or of a folded run.
	Duration time.Duration
	// Folded counts the segments and payload bytes of a RowFold.
	Folded      int
	FoldedBytes int64
}

// Pinned reports whether folding must keep the row: handshake, teardown,
// state changes, findings, and everything that is not a plain segment.
func (r *Row) Pinned() bool {
	return r.Kind != RowSegment || r.Class == ClassSYN || r.Class == ClassFIN ||
		r.Class == ClassRST || len(r.Findings) > 0 || len(r.States) > 0
}

// Severity is the worst severity of the row's findings, Off when it has
// none: the arrow is drawn in it.
func (r *Row) Severity() rules.Severity {
	sev := rules.Off
	for i := range r.Findings {
		sev = max(sev, r.Findings[i].Severity)
	}
	return sev
}

// StateMark is an endpoint's new RFC 9293 state.
type StateMark struct {
	Lane  int
	State string
}

// LegendEntry counts the findings of one rule.
type LegendEntry struct {
	Rule     string
	Severity rules.Severity
	Count    int
	// Message is the first finding's message.
	Message string
}
