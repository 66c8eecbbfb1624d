package pcaplint

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/pcaplint/pcaplint/internal/spill"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/stats"
)

// spoolMemory is how many bytes of connections a spool part keeps in
// memory before it moves them to a temporary file: an input of a few
// thousand connections never touches the disk; a SYN flood of millions
// holds 16 bytes of index per connection. A variable, so that a test can
// make every spool use the disk.
var spoolMemory = 1 << 20

// connSpool holds the JSON form of an input's connections as they end,
// so that lint --format json and conns --format json print an input of
// millions of connections without holding them (report.ConnSpool). Each
// tracker writes its own part, from its own goroutine; Each reads them
// back in the order the connections opened, numbered as Lanes.Number
// numbers them: every connection that opens ends, at the latest when the
// input is flushed, so its ID is its rank in that order.
type connSpool struct {
	parts []*spoolPart
	// brief keeps a brief form of each connection (ReadOptions.SpoolBrief).
	brief bool
}

// spoolPart is one tracker's share of a spool: encoded connections in
// memory until they outgrow spoolMemory, then in a temporary file.
type spoolPart struct {
	brief bool
	// scratch is the storage of the latest record encoded brief.
	scratch []byte
	data    spill.Buffer
	index   []spoolEntry
	err     error
}

// spoolEntry is where one connection is in its part: 16 bytes, which is
// what a SYN flood's millions of connections hold in memory until printed.
type spoolEntry struct {
	order uint64 // rules.Conn.OpenOrder
	at    uint64 // offset<<recordBits | length
}

// recordBits is how many bits of spoolEntry.at the record's length takes:
// a connection's JSON is at most 16 MiB, and a part at most 1 TiB.
const recordBits = 24

func (e spoolEntry) off() int64 { return int64(e.at >> recordBits) }
func (e spoolEntry) n() int     { return int(e.at & (1<<recordBits - 1)) }

// part adds a part for one more tracker.
func (s *connSpool) part() *spoolPart {
	p := &spoolPart{brief: s.brief, data: spill.Buffer{Memory: spoolMemory}}
	s.parts = append(s.parts, p)
	return p
}

// Add implements pipeline.Sink: it encodes a connection that ended, with
// its statistics when sum is not nil.
func (p *spoolPart) Add(c *rules.Conn, sum *stats.Summary) {
	if p.err != nil {
		return
	}
	b, err := p.encode(c, sum)
	if err != nil {
		p.err = err
		return
	}
	size := p.data.Size()
	if len(b) >= 1<<recordBits || size >= 1<<(64-recordBits) {
		p.err = fmt.Errorf("spooling connections: connection %s -> %s takes %d bytes, more than the spool's %d MiB for one connection",
			c.Client, c.Server, len(b), 1<<recordBits>>20)
		return
	}
	p.index = append(p.index, spoolEntry{order: c.OpenOrder(), at: uint64(size)<<recordBits | uint64(len(b))})
	_, p.err = p.data.Write(b)
}

// encode is the form c is spooled in: its JSON, or when brief its
// endpoints, counts, duration, state and history (briefRecord).
func (p *spoolPart) encode(c *rules.Conn, sum *stats.Summary) ([]byte, error) {
	if p.brief {
		r := briefRecord{b: p.scratch[:0]}
		r.encode(report.NewBriefConn(c))
		p.scratch = r.b
		return r.b, nil
	}
	jc := report.NewJSONConn(c)
	if sum != nil {
		jc.Stats = report.NewJSONConnStats(*sum)
	}
	return json.Marshal(jc)
}

// briefRecord is the brief form of a connection: its strings each after
// its length (a uvarint), its counts as varints.
type briefRecord struct {
	b   []byte
	err bool
}

func (r *briefRecord) str(s string) {
	r.b = binary.AppendUvarint(r.b, uint64(len(s)))
	r.b = append(r.b, s...)
}

// readStr and readInt take the next string and count off a record read
// back, and set err when it is cut.
func (r *briefRecord) readStr() string {
	n, w := binary.Uvarint(r.b)
	if w <= 0 || uint64(len(r.b)-w) < n {
		r.err, r.b = true, nil
		return ""
	}
	s := string(r.b[w : w+int(n)])
	r.b = r.b[w+int(n):]
	return s
}

func (r *briefRecord) readInt() int64 {
	v, w := binary.Varint(r.b)
	if w <= 0 {
		r.err, r.b = true, nil
		return 0
	}
	r.b = r.b[w:]
	return v
}

// encode appends c's brief form.
func (r *briefRecord) encode(c report.JSONConn) {
	r.str(c.Client)
	r.str(c.Server)
	r.b = binary.AppendVarint(r.b, c.Packets)
	r.b = binary.AppendVarint(r.b, c.Bytes)
	r.str(c.Duration)
	r.str(c.State)
	r.str(c.History)
}

// decode fills c from the record.
func (r *briefRecord) decode(c *report.JSONConn) error {
	c.Client, c.Server = r.readStr(), r.readStr()
	c.Packets, c.Bytes = r.readInt(), r.readInt()
	c.Duration, c.State, c.History = r.readStr(), r.readStr(), r.readStr()
	if r.err {
		return errors.New("reading spooled connections: a record is cut")
	}
	return nil
}

// Len implements report.ConnSpool.
func (s *connSpool) Len() int {
	n := 0
	for _, p := range s.parts {
		n += len(p.index)
	}
	return n
}

// Each implements report.ConnSpool. Each part's index is sorted in place
// and the parts are merged, so that the index is not copied.
func (s *connSpool) Each(fn func(*report.JSONConn) error) error {
	for _, p := range s.parts {
		if p.err != nil {
			return p.err
		}
		slices.SortFunc(p.index, func(a, b spoolEntry) int { return cmp.Compare(a.order, b.order) })
	}
	next := make([]int, len(s.parts)) // each part's first entry not read
	var scratch []byte                // what is read from the parts' files
	for id := 1; ; id++ {
		var p *spoolPart
		k := -1
		for i, q := range s.parts {
			if next[i] < len(q.index) && (p == nil || q.index[next[i]].order < p.index[next[k]].order) {
				p, k = q, i
			}
		}
		if p == nil {
			return nil
		}
		e := p.index[next[k]]
		next[k]++
		b, err := p.data.Slice(e.off(), e.n(), scratch)
		if err != nil {
			return fmt.Errorf("reading spooled connections: %w", err)
		}
		if p.data.File() != "" {
			scratch = b
		}
		var c report.JSONConn
		if s.brief {
			r := briefRecord{b: b}
			if err := r.decode(&c); err != nil {
				return err
			}
		} else if err := json.Unmarshal(b, &c); err != nil {
			return fmt.Errorf("reading spooled connections: %w", err)
		}
		c.ID = id
		if err := fn(&c); err != nil {
			return err
		}
	}
}

// Close removes the spool's temporary files.
func (s *connSpool) Close() {
	for _, p := range s.parts {
		p.data.Close()
		p.index = nil
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
