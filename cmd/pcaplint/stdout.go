package main

import (
	"bufio"
	"errors"
	"os"
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
