package parse

import (
	"bufio"

	"github.com/pcaplint/pcaplint/parse/tcpdump"
)

// sniffText reports whether the input, whose first bytes are head
// (atEnd: all of it), is tcpdump text, and returns the bytes it looked at
// and the collector's prefix of its lines, if any: the one --strip-prefix
// gives (an input that is not a capture is then text), else one
// recognised in the lines seen. While the lines seen do not settle it (a
// first line longer than head, or a few lines of other text above
// tcpdump's), it peeks further, one read at a time so that a live pipe is
// not waited on for more than it takes, and at most as far as br's
// buffer: the look-ahead is bounded and nothing is consumed.
func sniffText(br *bufio.Reader, head []byte, atEnd bool, opts Options) ([]byte, *tcpdump.LogPrefix, bool) {
	if opts.StripPrefix != nil {
		p, err := tcpdump.RegexpPrefix(opts.StripPrefix)
		return head, p, err == nil
	}
	for {
		if p := tcpdump.DetectPrefix(head); p != nil {
			return head, p, true
		}
		complete := atEnd || len(head) >= br.Size()
		switch tcpdump.SniffPrefix(head, complete) {
		case tcpdump.IsText:
			return head, nil, true
		case tcpdump.NotText:
			return head, nil, false
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

// openText returns the tcpdump text reader over br, with the collector's
// prefix pfx (nil for none) stripped from its lines.
func openText(br *bufio.Reader, name string, opts Options, pfx *tcpdump.LogPrefix) Source {
	if pfx != nil && opts.OnPrefix != nil {
		opts.OnPrefix(name, pfx.String())
	}
	return tcpdump.NewReader(br, name, tcpdump.Options{Absolute: opts.Absolute, Strict: opts.Strict, Prefix: pfx, Live: opts.Live})
}
