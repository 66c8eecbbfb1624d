package pcaplint

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/stats"
)

// spoolMemory is how many bytes of connections a spool part keeps in
// memory before it moves them to a temporary file: an input of a few
// thousand connections never touches the disk; a SYN flood of millions
// holds 24 bytes of index per connection. A variable, so that a test can
// make every spool use the disk.
var spoolMemory = 1 << 20

// connSpool holds the JSON form of an input's connections as they end,
// so that lint --format json and conns --format json print an input of
// millions of connections without holding them (report.ConnSpool). Each
// tracker writes its own part, from its own goroutine; Each reads them
// back in the order the connections opened, numbered as Shards.Number
// numbers them: every connection that opens ends, at the latest when the
// input is flushed, so its ID is its rank in that order.
type connSpool struct {
	parts []*spoolPart
}

// spoolPart is one tracker's share of a spool: encoded connections in buf
// until it outgrows spoolMemory, then in a temporary file.
type spoolPart struct {
	buf   []byte
	file  *os.File
	w     *bufio.Writer
	size  int64
	index []spoolEntry
	err   error
}

// spoolEntry is where one connection is in its part.
type spoolEntry struct {
	order uint64 // rules.Conn.OpenOrder
	off   int64
	n     uint32
	part  uint32
}

// part adds a part for one more tracker.
func (s *connSpool) part() *spoolPart {
	p := &spoolPart{}
	s.parts = append(s.parts, p)
	return p
}

// Add implements pipeline.Sink: it encodes a connection that ended, with
// its statistics when sum is not nil.
func (p *spoolPart) Add(c *rules.Conn, sum *stats.Summary) {
	if p.err != nil {
		return
	}
	jc := report.NewJSONConn(c)
	if sum != nil {
		jc.Stats = report.NewJSONConnStats(*sum)
	}
	b, err := json.Marshal(jc)
	if err != nil {
		p.err = err
		return
	}
	p.index = append(p.index, spoolEntry{order: c.OpenOrder(), off: p.size, n: uint32(len(b))})
	p.size += int64(len(b))
	if p.file == nil && len(p.buf)+len(b) <= spoolMemory {
		p.buf = append(p.buf, b...)
		return
	}
	if p.file == nil {
		if p.file, p.err = os.CreateTemp("", "pcaplint-conns-*"); p.err != nil {
			p.err = fmt.Errorf("spooling connections: %w", p.err)
			return
		}
		p.w = bufio.NewWriterSize(p.file, 64<<10)
		_, p.err = p.w.Write(p.buf)
		p.buf = nil
	}
	if p.err == nil {
		_, p.err = p.w.Write(b)
	}
}

// Len implements report.ConnSpool.
func (s *connSpool) Len() int {
	n := 0
	for _, p := range s.parts {
		n += len(p.index)
	}
	return n
}

// Each implements report.ConnSpool.
func (s *connSpool) Each(fn func(*report.JSONConn) error) error {
	var all []spoolEntry
	for i, p := range s.parts {
		if p.err != nil {
			return p.err
		}
		if p.w != nil {
			if err := p.w.Flush(); err != nil {
				return fmt.Errorf("spooling connections: %w", err)
			}
		}
		for _, e := range p.index {
			e.part = uint32(i)
			all = append(all, e)
		}
	}
	slices.SortFunc(all, func(a, b spoolEntry) int { return cmp.Compare(a.order, b.order) })
	var b []byte
	for i, e := range all {
		p := s.parts[e.part]
		if p.file == nil {
			b = p.buf[e.off : e.off+int64(e.n)]
		} else {
			b = slices.Grow(b[:0], int(e.n))[:e.n]
			if _, err := p.file.ReadAt(b, e.off); err != nil && err != io.EOF {
				return fmt.Errorf("reading spooled connections: %w", err)
			}
		}
		var c report.JSONConn
		if err := json.Unmarshal(b, &c); err != nil {
			return fmt.Errorf("reading spooled connections: %w", err)
		}
		c.ID = i + 1
		if err := fn(&c); err != nil {
			return err
		}
	}
	return nil
}

// Close removes the spool's temporary files.
func (s *connSpool) Close() {
	for _, p := range s.parts {
		if p.file != nil {
			p.file.Close()
			os.Remove(p.file.Name())
		}
		p.buf, p.index = nil, nil
	}
}

// CloseSpools removes the temporary files of the spools of rep's inputs
// (ReadOptions.Spool).
func CloseSpools(rep *report.Report) {
	for i := range rep.Files {
		CloseSpool(&rep.Files[i])
	}
}

// CloseSpool removes the temporary files of f's spool, if it has one.
func CloseSpool(f *report.File) {
	if s, ok := f.Spool.(*connSpool); ok {
		s.Close()
	}
}
