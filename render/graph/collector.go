package graph

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// Collector is a rules.Observer that folds the segments of the connections
// it is asked to keep into their graphs' columns. Give its Finding method
// to the engine's OnKeep: a finding about the segment the tracker is
// handing out, raised before or after the Collector sees it, is placed on
// that segment.
type Collector struct {
	// Keep selects connections when they open; nil keeps every one.
	Keep func(c *rules.Conn) bool
	// Gap is the idle time cut out of the time axis as a break (0: none).
	Gap time.Duration
	// Done, when set, is given each kept connection with the findings
	// kept about it (sorted as Engine.Findings sorts them) once it has
	// ended and every observer after the Collector has seen it end, the
	// engine's findings at the end included: at the Collector's next call,
	// or at Flush. The Collector then lets it go, so that it holds only
	// the live connections, and Conversations is empty.
	Done func(cv *Conversation, findings []rules.Finding)

	convs map[*rules.Conn]*Conversation
	// last is the connection of the latest segment, and lastConv its
	// graph (nil: not kept): a transfer's segments mostly follow one
	// another, and the map lookup was a tenth of the collecting.
	last     *rules.Conn
	lastConv *Conversation
	order    []*Conversation
	// byID and findings are the live connections by ID and the findings
	// about them, kept when Done is set; ended are those waiting for
	// Done.
	byID     map[int]*Conversation
	findings map[*Conversation][]rules.Finding
	ended    []*Conversation
	pending  []rules.Finding
	// recent are the latest segments kept, where findings about them are
	// placed: checks report some findings a few segments late (a gap
	// once it is filled).
	recent ring[recentSeg]
}

// recentSeg is where a finding about a recent segment is drawn.
type recentSeg struct {
	conv *Conversation
	pos  tcp.Pos
	at   Mark
}

// Finding places a finding the engine kept on the segment it is about:
// one of the recent segments, or the next one (when the engine sees each
// segment before the Collector). A finding about no segment kept is
// drawn by its time alone.
func (r *Collector) Finding(f rules.Finding) {
	if cv := r.byID[f.Conn.ID]; cv != nil {
		r.findings[cv] = append(r.findings[cv], f)
	}
	for i := r.recent.len() - 1; i >= 0; i-- {
		s := r.recent.at(i)
		if s.pos == f.Pos && s.conv.Conn.ID == f.Conn.ID {
			s.conv.mark(s.pos, s.at, f)
			return
		}
	}
	r.pending = append(r.pending, f)
}

// Segment folds seg into its connection's graph when the connection is
// kept.
func (r *Collector) Segment(c *rules.Conn, d rules.Dir, seg *tcp.Segment, isNew bool) {
	r.Flush()
	if r.convs == nil {
		r.convs = map[*rules.Conn]*Conversation{}
	}
	conv, ok := r.lastConv, c == r.last && r.lastConv != nil
	if !ok {
		conv, ok = r.convs[c]
	}
	if !ok {
		if !isNew || (r.Keep != nil && !r.Keep(c)) {
			r.pending = r.pending[:0]
			return
		}
		conv = &Conversation{Conn: c, Grid: Grid{Gap: r.Gap}}
		r.convs[c] = conv
		if r.Done == nil {
			r.order = append(r.order, conv)
		} else {
			if r.byID == nil {
				r.byID, r.findings = map[int]*Conversation{}, map[*Conversation][]rules.Finding{}
			}
			r.byID[c.ID] = conv
		}
	}
	r.last, r.lastConv = c, conv
	conv.add(d, seg)
	at := conv.place(d, seg)
	for _, f := range r.pending {
		if f.Pos == seg.Pos {
			conv.mark(seg.Pos, at, f)
		}
	}
	r.pending = r.pending[:0]
	r.recent.push(recentSeg{conv: conv, pos: seg.Pos, at: at})
}

// End lets the collector know the connection ended; its graph stays, or
// goes to Done once the observers after the Collector have seen the end.
func (r *Collector) End(c *rules.Conn, _ rules.EndReason) {
	r.Flush()
	conv, ok := r.convs[c]
	if !ok {
		return
	}
	conv.end()
	if r.last == c {
		r.last, r.lastConv = nil, nil
	}
	if r.Done != nil {
		delete(r.convs, c)
		r.ended = append(r.ended, conv)
	}
}

// Flush gives Done the connections that ended, and lets them go. Call it
// after the tracker's Flush: the last connections end there.
func (r *Collector) Flush() {
	if len(r.ended) == 0 {
		return
	}
	for _, cv := range r.ended {
		fs := r.findings[cv]
		delete(r.findings, cv)
		rules.SortFindings(fs) // in the order Engine.Findings gives them
		if r.byID[cv.Conn.ID] == cv {
			delete(r.byID, cv.Conn.ID)
		}
		r.Done(cv, fs)
	}
	clear(r.ended)
	r.ended = r.ended[:0]
}

// Conversations returns the kept connections' graphs in the order the
// connections opened.
func (r *Collector) Conversations() []*Conversation { return r.order }
