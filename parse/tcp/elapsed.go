package tcp

import "time"

// Elapsed is to.Sub(from) for two capture times, computed from their Unix
// nanoseconds: Sub guards against overflow with a second computation that
// times between 1678 and 2262 never need, and it runs on every segment.
// When one of the times is zero (unknown), Elapsed is Sub's saturated
// duration.
func Elapsed(from, to time.Time) time.Duration {
	if from.IsZero() || to.IsZero() {
		return to.Sub(from)
	}
	return time.Duration(to.UnixNano() - from.UnixNano())
}
