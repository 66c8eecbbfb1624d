package parse

import "github.com/pcaplint/pcaplint/parse/tcp"

// Source yields the TCP segments of one input, in input order.
type Source interface {
	// Next fills seg with the next TCP segment, reusing seg's storage. It
	// returns io.EOF at the end of the input, and a *tcp.Problem with
	// Fatal set when the input is broken past repair (a truncated capture);
	// non-fatal problems are recorded in Stats and reading goes on.
	Next(seg *tcp.Segment) error
	// Stats counts what was read so far, including what was skipped.
	Stats() *tcp.Stats
}
