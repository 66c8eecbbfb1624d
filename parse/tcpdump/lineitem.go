package tcpdump

import (
	"errors"
	"io"
)

// itemKind is what reading one more line of the input gave.
type itemKind uint8

const (
	itemLine      itemKind = iota // a line of text, classified
	itemBinary                    // a line with bytes tcpdump never prints
	itemTooLong                   // a line over MaxLine, skipped
	itemEOF                       // the end of the input
	itemReadError                 // the input could not be read
	itemIdle                      // a live input has been quiet for liveGrace: no line
)

// lineItem is one line as the reader's first stage leaves it: read,
// checked for binary bytes and classified, its prefix read. Nothing in it
// depends on what the packets before it held, so the stage can run ahead
// of the parsing of packets (see readAhead).
type lineItem struct {
	what itemKind
	n    int   // the line's number; for itemReadError, the lines read before
	err  error // for itemReadError
	line []byte
	skip int // bytes of the input line before line: a collector's prefix, a byte order mark
	kind lineKind
	pre  prefix // for lineStart
	// The line's place in its batch's text, when read ahead.
	off, end int
}

// lineStage reads and classifies lines.
type lineStage struct {
	lines  lineReader
	split  splitMode
	prefix *LogPrefix // a log collector's, stripped from every line; nil for none
}

// next reads the next line into it; it.line is valid until the next call.
func (s *lineStage) next(it *lineItem) {
	line, err := s.lines.next()
	it.n, it.line, it.err, it.skip = s.lines.n, nil, nil, 0
	whole := line
	if err == nil && (s.prefix != nil || it.n == 1) {
		if !s.strip(it, line) {
			it.foreign(whole)
			return
		}
		line = line[it.skip:]
	}
	switch {
	case err == io.EOF:
		it.what = itemEOF
	case errors.Is(err, errLineTooLong):
		it.what = itemTooLong
	case err != nil:
		it.what, it.err = itemReadError, err
	case isBinary(line):
		if s.prefix != nil && onlyTerminalControls(line) {
			// Its only bytes tcpdump never prints are the collector's
			// terminal controls (colours, GitLab's section markers).
			it.foreign(whole)
			return
		}
		it.what = itemBinary
	default:
		it.what, it.line = itemLine, line
		it.kind = s.kind(line, &it.pre)
	}
}

// strip takes the byte order mark off the first line and the collector's
// prefix off every line, setting it.skip; it reports false when the line
// lacks the prefix, so is not tcpdump's.
func (s *lineStage) strip(it *lineItem, line []byte) bool {
	if it.n == 1 && hasAt(line, 0, bom) {
		it.skip = len(bom)
	}
	if s.prefix == nil {
		return true
	}
	n := s.prefix.strip(line[it.skip:])
	if n < 0 {
		return false
	}
	it.skip += n
	return true
}

// foreign makes the item the input line whole, a line of a prefixed log
// that is not tcpdump's.
func (it *lineItem) foreign(whole []byte) {
	it.what, it.line, it.kind = itemLine, whole, lineForeign
}

// last reports whether no line follows the item.
func (it *lineItem) last() bool { return it.what == itemEOF || it.what == itemReadError }
