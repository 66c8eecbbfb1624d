package parse

import (
	"bufio"

	"github.com/pcaplint/pcaplint/parse/tcpdump"
)

// jobLogSniff is how far sniffText may look into a CI job's log for
// tcpdump's first line: tcpdump.JobLogLines lines of 512 bytes.
const jobLogSniff = tcpdump.JobLogLines * 512

// sniffText reports whether the input, whose first bytes are head
// (atEnd: all of it), is tcpdump text, and returns the bytes it looked at
// and the collector's prefix of its lines, if any: the one --strip-prefix
// gives (an input that is not a capture is then text), else one
// recognised in the lines seen. While the lines seen do not settle it (a
// first line longer than head, or a few lines of other text above
// tcpdump's), it peeks further, one read at a time so that a live pipe is
// not waited on for more than it takes, and at most as far as br's
// buffer: the look-ahead is bounded and nothing is consumed. In a CI
// job's log, whose build output may fill that buffer before tcpdump's
// first line, the buffer grows to jobLogSniff: the reader to read the
// input from is the one returned.
func sniffText(br *bufio.Reader, head []byte, atEnd bool, opts Options) (*bufio.Reader, []byte, *tcpdump.LogPrefix, bool) {
	if opts.StripPrefix != nil {
		p, err := tcpdump.RegexpPrefix(opts.StripPrefix)
		return br, head, p, err == nil
	}
	for {
		if p := tcpdump.DetectPrefix(head); p != nil {
			return br, head, p, true
		}
		full := !atEnd && len(head) >= br.Size()
		if full && br.Size() < jobLogSniff && tcpdump.IsJobLog(head) {
			// The new buffer reads the old one's bytes first.
			br, full = bufio.NewReaderSize(br, jobLogSniff), false
		}
		switch tcpdump.SniffPrefix(head, atEnd || full) {
		case tcpdump.IsText:
			return br, head, nil, true
		case tcpdump.NotText:
			return br, head, nil, false
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
