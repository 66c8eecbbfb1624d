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
	// Idle reports whether the source, read from a live input
	// (Options.Live), has given out everything it read and waits for its
	// input: the moment for a caller showing results as they come to
	// flush its output. It is false for a file, and for a source that
	// cannot tell. Call it from the goroutine that calls Next.
	Idle() bool
	// ReadsAhead reports whether the source reads on a goroutine of its
	// own already (the tcpdump text reader, when the process may use two
	// CPUs, and a Prefetcher): reading it ahead once more (Prefetch) then
	// only adds a hand-over per batch.
	ReadsAhead() bool
	// Close stops the reading early, and any goroutine the source reads
	// ahead on (the tcpdump text reader, a Prefetcher): Next then ends
	// the input. It is safe to call from any goroutine, more than once; a
	// source read until Next returned an error needs none.
	Close()
}
