package tcpdump

import "strconv"

// parseError is a failure to read a line, at a 0-based byte offset in that
// line. The reader turns it into a tcp.Problem with a 1-based column.
type parseError struct {
	at  int
	msg string
}

func errAt(at int, msg string) *parseError { return &parseError{at: at, msg: msg} }

// quote renders text from the input for an error message.
func quote(b []byte) string {
	const max = 40
	if len(b) > max {
		return strconv.Quote(string(b[:max]) + "…")
	}
	return strconv.Quote(string(b))
}
