package diagram

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// Defaults of Options.
const (
	DefaultGap     = time.Second
	DefaultMaxRows = 60
)

// Options tune what Build draws.
type Options struct {
	// Absolute prints raw sequence numbers instead of relative ones.
	Absolute bool
	// Gap is the idle time that becomes a break in the picture
	// (DefaultGap when 0, never when negative).
	Gap time.Duration
	// MaxRows folds steady runs until the diagram has at most this many
	// rows, where pinned rows allow (DefaultMaxRows when 0, never when
	// negative).
	MaxRows int
	// Caption replaces the generated caption when set.
	Caption string
	// Lang is the language of the diagram's words (English when empty):
	// caption, roles, tags, breaks, legend and the findings' messages.
	Lang rules.Lang
}

// Build makes the diagram of one conversation, or of several merged onto
// one lifeline per endpoint.
func Build(convs []*Conversation, opts Options) *Diagram {
	if opts.Gap == 0 {
		opts.Gap = DefaultGap
	}
	if opts.MaxRows == 0 {
		opts.MaxRows = DefaultMaxRows
	}
	d := &Diagram{States: len(convs) == 1, Lang: opts.Lang}
	lanes := map[tcp.Endpoint]int{}
	var rows []Row
	for _, conv := range convs {
		lane := d.addLanes(conv.Conn, lanes)
		rows = append(rows, conversationRows(conv, lane, opts, !d.States)...)
		d.Segments += len(conv.Segs) + conv.Elided.Segments
		d.addLegend(conv.Findings)
	}
	if len(convs) > 1 {
		slices.SortStableFunc(rows, func(a, b Row) int { return a.Time.Compare(b.Time) })
	}
	if len(rows) > 0 {
		d.Start = rows[0].Time
	}
	rows = insertGaps(rows, opts.Gap)
	d.Rows = fold(rows, opts.MaxRows)
	slices.SortFunc(d.Legend, byRule)
	var dur time.Duration
	if n := len(d.Rows); n > 0 {
		dur = d.Rows[n-1].Time.Sub(d.Start)
	}
	d.Caption = shorten(cmp.Or(opts.Caption, captionIn(convs, d, dur, d.Lang)), 200)
	return d
}

// byRule orders legend entries worst first, then by rule ID: a reader
// meets the errors before the notes.
func byRule(a, b LegendEntry) int {
	return cmp.Or(cmp.Compare(b.Severity, a.Severity), cmp.Compare(a.Rule, b.Rule))
}

// addLanes gives the endpoints of c a lane each, client first, and returns
// the lanes of c's client and server. A connection to itself (one socket
// at both ends, as a simultaneous open can make) still gets two lanes
// when drawn alone.
func (d *Diagram) addLanes(c *rules.Conn, lanes map[tcp.Endpoint]int) [2]int {
	if d.States {
		clear(lanes)
	}
	var idx [2]int
	for dir, ep := range []tcp.Endpoint{c.Client, c.Server} {
		if i, ok := lanes[ep]; ok {
			idx[dir] = i
			if role := rules.Dir(dir).In(d.Lang); !strings.Contains(d.Lanes[i].Role, role) {
				d.Lanes[i].Role += " · " + role // a server that is also a client
			}
			continue
		}
		idx[dir] = len(d.Lanes)
		lanes[ep] = len(d.Lanes)
		lane := Lane{Endpoint: ep, Role: rules.Dir(dir).In(d.Lang)}
		if d.States {
			lane.Initial = c.InitialState(rules.Dir(dir)).String()
		}
		d.Lanes = append(d.Lanes, lane)
		if d.States {
			clear(lanes) // the server gets its own lane even if it is the client
		}
	}
	return idx
}

func (d *Diagram) addLegend(fs []rules.Finding) {
	for _, f := range fs {
		i := slices.IndexFunc(d.Legend, func(e LegendEntry) bool { return e.Rule == f.Rule })
		if i < 0 {
			d.Legend = append(d.Legend, LegendEntry{Rule: f.Rule, Severity: f.Severity, Message: message(&f, d.Lang)})
			i = len(d.Legend) - 1
		}
		d.Legend[i].Count++
		d.Legend[i].Severity = max(d.Legend[i].Severity, f.Severity)
	}
}

// conversationRows makes one row per segment, with the state changes and
// findings each caused, and rows for holes in the sequence space.
func conversationRows(conv *Conversation, lane [2]int, opts Options, merged bool) []Row {
	c := conv.Conn
	num := newNumbering(c, opts.Absolute)
	trans := map[tcp.Pos][]rules.Transition{}
	if !merged {
		for _, t := range c.Transitions {
			trans[t.Pos] = append(trans[t.Pos], t)
		}
	}
	finds := map[tcp.Pos][]rules.Finding{}
	for _, f := range conv.Findings {
		finds[f.Pos] = append(finds[f.Pos], f)
	}
	var seqs seqTracker
	rows := make([]Row, 0, len(conv.Segs)+2)
	for i := range conv.Segs {
		if conv.Elided.Segments > 0 && i == conv.Elided.At {
			rows = append(rows, elidedRow(conv.Elided, c.ID))
			seqs = seqTracker{} // what was let go cannot be judged
		}
		s := &conv.Segs[i]
		from, to := lane[s.Dir], lane[s.Dir.Peer()]
		if lost, ok := seqs.hole(s); ok {
			rows = append(rows, Row{Kind: RowLost, Time: s.Time, From: from, To: to, Conn: c.ID,
				Label: num.seq(s.Dir, lost.Left, false) + ":" + num.seq(s.Dir, lost.Right, false) +
					notCaptured(lost.Right-lost.Left, opts.Lang)})
		}
		label := num.label(s)
		if merged {
			label = "#" + strconv.Itoa(c.ID) + " " + label
		}
		r := Row{Kind: RowSegment, Time: s.Time, From: from, To: to, Conn: c.ID,
			Label: label, Class: classOf(s), Pos: s.Pos, Payload: s.PayloadLen, Findings: finds[s.Pos]}
		if seqs.retransmits(s) && !hasRule(r.Findings, "retransmission") {
			// A retransmission finding already says so: one word, not two.
			r.Tags = append(r.Tags, retransmissionTag(opts.Lang))
		}
		for _, t := range trans[s.Pos] {
			r.States = setMark(r.States, StateMark{Lane: lane[t.Endpoint], State: t.To.String()})
		}
		rows = append(rows, r)
	}
	return rows
}

// hasRule reports whether a finding of rule id is among fs.
func hasRule(fs []rules.Finding, id string) bool {
	return slices.ContainsFunc(fs, func(f rules.Finding) bool { return f.Rule == id })
}

// setMark records an endpoint's new state; a later change on the same
// segment replaces an earlier one.
func setMark(ms []StateMark, m StateMark) []StateMark {
	for i := range ms {
		if ms[i].Lane == m.Lane {
			ms[i] = m
			return ms
		}
	}
	return append(ms, m)
}

func elidedRow(e Elision, conn int) Row {
	return Row{Kind: RowFold, Time: e.First, Conn: conn, Duration: e.Last.Sub(e.First),
		Folded: e.Segments, FoldedBytes: e.Bytes}
}

// seqTracker follows the highest sequence number sent each way to tell
// retransmissions and holes.
type seqTracker struct {
	nxt  [2]uint32
	seen [2]bool
}

// retransmits reports whether s resends sequence space already sent, and
// records what s sent.
func (t *seqTracker) retransmits(s *Seg) bool {
	if !s.Has(tcp.KnownSeq) || s.Len() == 0 {
		return false
	}
	d := s.Dir
	re := t.seen[d] && tcp.SeqLess(s.Seq, t.nxt[d])
	if end := s.Seq + s.Len(); !t.seen[d] || tcp.SeqLess(t.nxt[d], end) {
		t.nxt[d], t.seen[d] = end, true
	}
	return re
}

// hole reports sequence space skipped before s: bytes sent that the
// capture never saw.
func (t *seqTracker) hole(s *Seg) (tcp.SACKBlock, bool) {
	d := s.Dir
	if !s.Has(tcp.KnownSeq) || !t.seen[d] || s.Flags&(tcp.SYN|tcp.RST) != 0 || !tcp.SeqLess(t.nxt[d], s.Seq) {
		return tcp.SACKBlock{}, false
	}
	if s.Len() == 0 && s.Flags&tcp.ACK != 0 {
		return tcp.SACKBlock{}, false // a window probe or keep-alive may sit anywhere
	}
	return tcp.SACKBlock{Left: t.nxt[d], Right: s.Seq}, true
}

// insertGaps puts a gap row before every row that follows the previous one
// by more than gap.
func insertGaps(rows []Row, gap time.Duration) []Row {
	if gap < 0 || len(rows) < 2 {
		return rows
	}
	out := make([]Row, 0, len(rows)+4)
	for i, r := range rows {
		if i > 0 {
			prev := rows[i-1].Time
			if idle := r.Time.Sub(prev); idle > gap && !prev.IsZero() {
				out = append(out, Row{Kind: RowGap, Time: prev, Duration: idle})
			}
		}
		out = append(out, r)
	}
	return out
}
