package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

// spillMemory is how many bytes a spill keeps in memory before it moves
// them to a temporary file. A variable, so that a test can make every
// spill use the disk.
var spillMemory = 1 << 20

// spill holds what a streaming writer has printed but may not write yet
// (JUnit's suites wait for the document's totals): in memory up to
// spillMemory, then in a temporary file, removed by close.
type spill struct {
	buf  []byte
	file *os.File
	w    *bufio.Writer
	size int64
}

// Write implements io.Writer.
func (s *spill) Write(b []byte) (int, error) {
	s.size += int64(len(b))
	if s.file == nil && len(s.buf)+len(b) <= spillMemory {
		s.buf = append(s.buf, b...)
		return len(b), nil
	}
	if s.file == nil {
		f, err := os.CreateTemp("", "pcaplint-report-*")
		if err != nil {
			return 0, fmt.Errorf("spilling the report: %w", err)
		}
		s.file, s.w = f, bufio.NewWriterSize(f, 64<<10)
		if _, err := s.w.Write(s.buf); err != nil {
			return 0, fmt.Errorf("spilling the report: %w", err)
		}
		s.buf = nil
	}
	if _, err := s.w.Write(b); err != nil {
		return 0, fmt.Errorf("spilling the report: %w", err)
	}
	return len(b), nil
}

// copyTo writes everything the spill holds to w.
func (s *spill) copyTo(w io.Writer) error {
	if s.file == nil {
		_, err := w.Write(s.buf)
		return err
	}
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spilling the report: %w", err)
	}
	if _, err := io.Copy(w, io.NewSectionReader(s.file, 0, s.size)); err != nil {
		return fmt.Errorf("reading the spilled report: %w", err)
	}
	return nil
}

// close removes the temporary file, if any, and lets go of the bytes.
func (s *spill) close() {
	if s.file != nil {
		s.file.Close()
		os.Remove(s.file.Name())
	}
	s.buf, s.file, s.w, s.size = nil, nil, nil, 0
}
