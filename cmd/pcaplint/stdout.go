package main

import (
	"bufio"
	"errors"
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

// finish flushes the buffer and closes the file, returning the first
// error of any write, the flush or the close: bufio keeps the error of a
// failed write, so output lost at any point of the run is reported here.
func (b *bufferedFile) finish() error {
	err := b.Flush()
	if cerr := b.f.Close(); err == nil && !errors.Is(cerr, os.ErrClosed) {
		err = cerr
	}
	return err
}

// flushWhenIdle flushes w, when it is buffered, once src has given out
// everything a live input has sent so far (parse.Idle): what was read is
// shown at once, while a file or a busy pipe still fills the buffer
// before each write.
func flushWhenIdle(w io.Writer, src parse.Source) {
	if f, ok := w.(interface{ Flush() error }); ok && parse.Idle(src) {
		_ = f.Flush()
	}
}
