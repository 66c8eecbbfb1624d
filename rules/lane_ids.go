package rules

import (
	"encoding/binary"
	"slices"
)

// ordinals is an increasing list of segment ordinals (the segment's
// number among the input's TCP segments, from 1), delta-encoded as
// varints: a byte or two per connection. A lane lists the ordinals of
// the segments that opened its connections, so that connections can be
// numbered across lanes once the input is read.
type ordinals struct {
	buf  []byte
	last uint64
}

func (o *ordinals) add(x uint64) {
	o.buf = binary.AppendUvarint(o.buf, x-o.last)
	o.last = x
}

// countUpTo counts, for each of the increasing queries qs, the ordinals
// at or below it, adding the counts to counts.
func (o *ordinals) countUpTo(qs []uint64, counts []int) {
	b, x, n := o.buf, uint64(0), 0
	for i, q := range qs {
		for len(b) > 0 {
			d, k := binary.Uvarint(b)
			if x+d > q {
				break
			}
			x, b, n = x+d, b[k:], n+1
		}
		counts[i] += n
	}
}

// ids numbers the connections opened at the given ordinals as one tracker
// would have: by how many connections opened at or before them in the
// whole input.
func (s *Lanes) ids(ords []uint64) map[uint64]int {
	qs := slices.Clone(ords)
	slices.Sort(qs)
	qs = slices.Compact(qs)
	counts := make([]int, len(qs))
	for _, tr := range s.Trackers {
		tr.opens.countUpTo(qs, counts)
	}
	ids := make(map[uint64]int, len(qs))
	for i, q := range qs {
		ids[q] = counts[i]
	}
	return ids
}

// Number gives the connections and the findings' connection references
// their IDs in the whole input. Connections and findings that did not come
// from s keep theirs.
func (s *Lanes) Number(conns []*Conn, findings []Finding) {
	var ords []uint64
	for _, c := range conns {
		if c.open != 0 {
			ords = append(ords, c.open)
		}
	}
	for _, f := range findings {
		if f.Conn.open != 0 {
			ords = append(ords, f.Conn.open)
		}
	}
	ids := s.ids(ords)
	for _, c := range conns {
		if c.open != 0 {
			c.ID = ids[c.open]
		}
	}
	for i := range findings {
		if o := findings[i].Conn.open; o != 0 {
			findings[i].Conn.ID = ids[o]
		}
	}
}

// Findings returns the findings of the lanes' engines merged
// (MergeFindings) and numbered (Number).
func (s *Lanes) Findings() []Finding {
	fs := MergeFindings(s.Engines...)
	s.Number(nil, fs)
	return fs
}

// Evicted counts connections dropped from the lanes' full tables.
func (s *Lanes) Evicted() int64 {
	var n int64
	for _, tr := range s.Trackers {
		n += tr.evicted
	}
	return n
}

// CaptureLoss sums the trackers' estimates of what the capture missed.
func (s *Lanes) CaptureLoss() CaptureLoss {
	var l CaptureLoss
	for _, tr := range s.Trackers {
		l.add(tr.loss)
	}
	return l
}

// Copies counts packets recognised as copies of one packet seen on another
// interface, in all lanes.
func (s *Lanes) Copies() int64 {
	var n int64
	for _, tr := range s.Trackers {
		n += tr.copies
	}
	return n
}

// Errors are the evaluation errors of custom rules in the lanes' engines,
// one per rule: the first lane's that has one.
func (s *Lanes) Errors() []error {
	var errs []error
	seen := map[string]bool{}
	for _, e := range s.Engines {
		for i, err := range e.Errors {
			if !seen[e.errRules[i]] {
				seen[e.errRules[i]] = true
				errs = append(errs, err)
			}
		}
	}
	return errs
}
