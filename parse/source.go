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

// closeSource stops a source that reads on a goroutine of its own (the
// tcpdump text reader reads ahead), when it has not reached its end.
// Close must be safe to call from any goroutine.
func closeSource(src Source) {
	if c, ok := src.(interface{ Close() }); ok {
		c.Close()
	}
}

// Idle reports whether src, read from a live input (Options.Live), has
// given out everything it read and waits for its input: the moment for a
// caller showing results as they come to flush its output. It is false
// for sources that cannot tell, and for files.
func Idle(src Source) bool {
	i, ok := src.(interface{ Idle() bool })
	return ok && i.Idle()
}
