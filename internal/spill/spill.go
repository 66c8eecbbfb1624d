// Package spill holds bytes that an output produces before it may write
// them: in memory up to a limit, then in a temporary file, read back whole
// or piece by piece, and removed by Close. The JSON and JUnit reports, the
// conns table and the explain summaries use it so that an input of
// millions of connections is printed without holding them.
package spill

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

// DefaultMemory is how many bytes a Buffer keeps in memory when its Memory
// is 0.
const DefaultMemory = 1 << 20

// Buffer is written once, then read. The zero Buffer is ready to use.
type Buffer struct {
	// Memory is how many bytes stay in memory before they all move to a
	// temporary file (DefaultMemory when 0, none when negative).
	Memory int

	buf  []byte
	file *os.File
	w    *bufio.Writer
	size int64
}

// Write implements io.Writer.
func (b *Buffer) Write(p []byte) (int, error) {
	limit := b.Memory
	if limit == 0 {
		limit = DefaultMemory
	}
	if b.file == nil && len(b.buf)+len(p) <= limit {
		b.buf = append(b.buf, p...)
		b.size += int64(len(p))
		return len(p), nil
	}
	if b.file == nil {
		f, err := os.CreateTemp("", "pcaplint-spill-*")
		if err != nil {
			return 0, fmt.Errorf("spilling output to a temporary file: %w", err)
		}
		b.file, b.w = f, bufio.NewWriterSize(f, 64<<10)
		if _, err := b.w.Write(b.buf); err != nil {
			return 0, fmt.Errorf("spilling output to %s: %w", f.Name(), err)
		}
		b.buf = nil
	}
	if _, err := b.w.Write(p); err != nil {
		return 0, fmt.Errorf("spilling output to %s: %w", b.file.Name(), err)
	}
	b.size += int64(len(p))
	return len(p), nil
}

// Size is how many bytes were written.
func (b *Buffer) Size() int64 { return b.size }

// File is the temporary file's name, "" while everything is in memory.
func (b *Buffer) File() string {
	if b.file == nil {
		return ""
	}
	return b.file.Name()
}

// flush writes out what the temporary file's writer holds, before reading.
func (b *Buffer) flush() error {
	if b.w != nil && b.w.Buffered() > 0 {
		if err := b.w.Flush(); err != nil {
			return fmt.Errorf("spilling output to %s: %w", b.file.Name(), err)
		}
	}
	return nil
}

// Slice returns the n bytes written at off: the Buffer's own memory when
// they are in memory (valid until the next Write), else read from the file
// into scratch, grown as needed. Only a slice Slice read from a file may
// serve as scratch again: one of a Buffer's memory would be overwritten.
func (b *Buffer) Slice(off int64, n int, scratch []byte) ([]byte, error) {
	if off < 0 || n < 0 || off+int64(n) > b.size {
		return nil, fmt.Errorf("spilled output: %d bytes at %d are past its %d", n, off, b.size)
	}
	if b.file == nil {
		return b.buf[off : off+int64(n)], nil
	}
	if err := b.flush(); err != nil {
		return nil, err
	}
	if cap(scratch) < n {
		scratch = make([]byte, n)
	}
	scratch = scratch[:n]
	if _, err := b.file.ReadAt(scratch, off); err != nil && err != io.EOF {
		return nil, fmt.Errorf("reading spilled output back from %s: %w", b.file.Name(), err)
	}
	return scratch, nil
}

// WriteTo writes everything written to w.
func (b *Buffer) WriteTo(w io.Writer) (int64, error) {
	if b.file == nil {
		n, err := w.Write(b.buf)
		return int64(n), err
	}
	if err := b.flush(); err != nil {
		return 0, err
	}
	n, err := io.Copy(w, io.NewSectionReader(b.file, 0, b.size))
	if err != nil {
		return n, fmt.Errorf("reading spilled output back from %s: %w", b.file.Name(), err)
	}
	return n, nil
}

// Close removes the temporary file, if any, and lets go of the bytes; the
// Buffer is then empty and may be written again.
func (b *Buffer) Close() {
	if b.file != nil {
		b.file.Close()
		os.Remove(b.file.Name())
	}
	b.buf, b.file, b.w, b.size = nil, nil, nil, 0
}
