package main

import (
	"bufio"
	"io"
	"os"

	"github.com/pcaplint/pcaplint/parse"
)

// bufferedFile is standard output behind a buffer: a table of 60,000
// connections is one write, not 60,000. Fd keeps terminal detection
// (--color auto) working through it.
type bufferedFile struct {
	*bufio.Writer
	f *os.File
}

func newBufferedFile(f *os.File) *bufferedFile {
	return &bufferedFile{Writer: bufio.NewWriterSize(f, 64<<10), f: f}
}

// Fd is the file descriptor of the file behind the buffer.
func (b *bufferedFile) Fd() uintptr { return b.f.Fd() }

// finish flushes the buffer, returning the first error of any write or
// of the flush: bufio keeps the error of a failed write, so output lost at
// any point of the run is reported here. main closes the file after it.
func (b *bufferedFile) finish() error { return b.Flush() }

// flushWhenIdle flushes w, when it is buffered, once src has given out
// everything a live input has sent so far (parse.Idle): what was read is
// shown at once, while a file or a busy pipe still fills the buffer
// before each write.
func flushWhenIdle(w io.Writer, src parse.Source) {
	if f, ok := w.(interface{ Flush() error }); ok && parse.Idle(src) {
		_ = f.Flush()
	}
}

// outputPath reads the -o value of diagram and graph: "-" names standard
// output, as it does for most commands, rather than a file called "-".
func outputPath(o string) string {
	if o == "-" {
		return ""
	}
	return o
}
