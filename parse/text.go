package parse

import (
	"bufio"

	"github.com/pcaplint/pcaplint/parse/tcpdump"
)

// sniffText reports whether the input, whose first bytes are head
// (atEnd: all of it), is tcpdump text, and returns the bytes it looked at.
// While the lines seen do not settle it (a first line longer than head,
// or a few lines of other text above tcpdump's), it peeks further, one
// read at a time so that a live pipe is not waited on for more than it
// takes, and at most as far as br's buffer: the look-ahead is bounded and
// nothing is consumed.
func sniffText(br *bufio.Reader, head []byte, atEnd bool) ([]byte, bool) {
	for {
		complete := atEnd || len(head) >= br.Size()
		switch tcpdump.SniffPrefix(head, complete) {
		case tcpdump.IsText:
			return head, true
		case tcpdump.NotText:
			return head, false
		}
		more, err := br.Peek(len(head) + 1)
		if err != nil {
			atEnd = true
		}
		if n := br.Buffered(); n > len(more) {
			more, _ = br.Peek(n)
		}
		head = more
	}
}

// openText returns the tcpdump text reader over br.
func openText(br *bufio.Reader, name string, opts Options) (Source, error) {
	return tcpdump.NewReader(br, name, tcpdump.Options{Absolute: opts.Absolute, Strict: opts.Strict}), nil
}
