package tcpdump

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
)

// MaxLine is the longest line the reader accepts, in bytes. A longer line
// is reported and skipped; memory stays bounded whatever the input.
const MaxLine = 1 << 20

// lineReader returns the lines of its input one at a time, as they arrive,
// without their "\n" or "\r\n".
type lineReader struct {
	br   *bufio.Reader
	long []byte // a line longer than the bufio buffer, put together
	n    int    // lines returned so far, or skipped
}

func newLineReader(r io.Reader) lineReader {
	return lineReader{br: bufio.NewReaderSize(r, 64<<10)}
}

// errLineTooLong is returned, with the line's number in n, for a line
// over MaxLine; the line has been skipped.
var errLineTooLong = errors.New("line too long")

// next returns the next line, valid until the following call. At the end
// of the input it returns io.EOF; a last line without "\n" is returned
// first.
func (l *lineReader) next() ([]byte, error) {
	line, err := l.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		line, err = l.gather(line)
	}
	if err == io.EOF && len(line) > 0 {
		err = nil
	}
	if err != nil {
		if err == errLineTooLong {
			l.n++
		}
		return nil, err
	}
	l.n++
	return trimEOL(line), nil
}

// gather puts together a line longer than the buffer, up to MaxLine, and
// discards the rest of a longer one.
func (l *lineReader) gather(part []byte) ([]byte, error) {
	l.long = append(l.long[:0], part...)
	for {
		part, err := l.br.ReadSlice('\n')
		if len(l.long)+len(part) > MaxLine {
			for err == bufio.ErrBufferFull {
				_, err = l.br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, errLineTooLong
		}
		l.long = append(l.long, part...)
		if err != bufio.ErrBufferFull {
			return l.long, err
		}
	}
}

func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return b
}

// isBinary reports a byte that tcpdump never prints: its printers write
// control characters other than TAB as '.', or as "^X" in RST data.
func isBinary(b []byte) bool {
	// Sixteen bytes at a time: a run with no byte below 0x20 and no 0x7f
	// needs no closer look (the usual bit trick for finding small bytes,
	// which flags a word only when it holds one); a TAB makes the run be
	// looked at byte by byte.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	flagged := func(x uint64) bool {
		small := (x - 0x20*ones) & ^x
		del := (x ^ 0x7f*ones - ones) & ^(x ^ 0x7f*ones)
		return (small|del)&highs != 0
	}
	for len(b) >= 16 {
		if (flagged(binary.LittleEndian.Uint64(b)) || flagged(binary.LittleEndian.Uint64(b[8:]))) && hasControl(b[:16]) {
			return true
		}
		b = b[16:]
	}
	if len(b) >= 8 {
		if flagged(binary.LittleEndian.Uint64(b)) && hasControl(b[:8]) {
			return true
		}
		b = b[8:]
	}
	return hasControl(b)
}

func hasControl(b []byte) bool {
	for _, ch := range b {
		if ch < 0x20 && ch != '\t' || ch == 0x7f {
			return true
		}
	}
	return false
}
