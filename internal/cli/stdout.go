package cli

import (
	"bufio"
	"io"
	"os"

	"github.com/pcaplint/pcaplint/parse"
)

// Stdout is standard output behind a buffer: a table of 60,000
// connections is one write, not 60,000. Fd keeps terminal detection
// (--color auto) working through it.
type Stdout struct {
	*bufio.Writer
	f *os.File
}

// NewStdout buffers f, 64 KiB at a time.
func NewStdout(f *os.File) *Stdout {
	return &Stdout{Writer: bufio.NewWriterSize(f, 64<<10), f: f}
}

// Fd is the file descriptor of the file behind the buffer.
func (b *Stdout) Fd() uintptr { return b.f.Fd() }

// Finish flushes the buffer, returning the first error of any write or
// of the flush: bufio keeps the error of a failed write, so output lost at
// any point of the run is reported here. It does not close the file.
func (b *Stdout) Finish() error { return b.Flush() }

// FlushWhenIdle flushes w, when it is buffered, once src has given out
// everything a live input has sent so far (parse.Source's Idle): what
// was read is shown at once, while a file or a busy pipe still fills the
// buffer before each write.
func FlushWhenIdle(w io.Writer, src parse.Source) {
	if f, ok := w.(interface{ Flush() error }); ok && src.Idle() {
		_ = f.Flush()
	}
}

// OutputPath reads an -o value: "-" names standard output (""), as it
// does for most commands, rather than a file called "-".
func OutputPath(o string) string {
	if o == "-" {
		return ""
	}
	return o
}
