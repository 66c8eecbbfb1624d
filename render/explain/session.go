package explain

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/pcaplint/pcaplint/internal/spill"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

// Options choose what a Session explains and how it prints.
type Options struct {
	Lang     Lang // English when empty
	Markdown bool // a Markdown document instead of plain text
	// Conn limits the explanation to the connection with this ID (as
	// "pcaplint conns" numbers them); 0 explains every connection.
	Conn int
	// Title names the input in the Markdown title.
	Title string
	// Diagram is a path or URL of the connection's diagram, linked as an
	// image at the top of the Markdown document.
	Diagram string
	// Location is the time zone of the lines built for captures, as
	// tcpdump prints local time; nil means UTC.
	Location *time.Location
	// Checks run on every segment; their findings are explained at the
	// segment they are about. Config configures them (nil: defaults).
	Checks []*rules.Check
	Config *rules.Config
	// MaxConns caps the live connections (rules.Tracker.MaxConns; 0:
	// rules.DefaultMaxConns).
	MaxConns int
	// OnSegment, when set, is called with the source after each segment
	// is explained: a command flushes its buffered output there when a
	// live input goes quiet (its Idle).
	OnSegment func(src parse.Source)
}

// Run explains the segments of src on w as they are read, each at once,
// and then a summary per connection. It reads src with
// pipeline.Run on one tracker, opts' checks beside it, and shows a
// tcpdump log's lines as they were; a capture gets a tcpdump -n line.
//
// The Result is what was read: its Err is the input error or ctx's,
// everything before it explained. The error returned is one of writing
// to w, where the explanation stops, or the engine that could not be
// made, when nothing is written.
func Run(ctx context.Context, w io.Writer, src parse.Source, opts Options) (pipeline.Result, error) {
	s := newSession(w, opts)
	defer s.summaries.Close()
	var werr error
	res := pipeline.Run(ctx, src, pipeline.Options{
		// The summaries copy what they read of a connection as it ends;
		// the snapshot's copy holds its state changes.
		Keep: pipeline.KeepCount, Transitions: true, MaxConns: opts.MaxConns,
		Checks: opts.Checks, Config: opts.Config, OnFinding: s.kept,
		Observers: func(int) []rules.Observer { return []rules.Observer{s.snap} },
		Lines:     true,
		OnSegment: func(st *pipeline.Step) {
			if werr == nil {
				werr = s.add(st)
			}
			s.snap.seen = false
			if opts.OnSegment != nil {
				opts.OnSegment(st.Src)
			}
		},
	})
	if engErr := (*pipeline.EngineError)(nil); errors.As(res.Err, &engErr) {
		return res, res.Err
	}
	if werr != nil {
		return res, werr
	}
	return res, s.close(res.Findings)
}

// File explains the input at path ("-" is standard input), opened as
// pipeline.Open opens it, with Run. An input that cannot be opened is an
// input error like one broken part-way: the Result's Err, worded by
// pipeline.OpenError, and nothing is written.
func File(ctx context.Context, w io.Writer, path string, in parse.Options, opts Options) (pipeline.Result, error) {
	src, closer, err := pipeline.Open(path, in)
	if err != nil {
		return pipeline.Result{Err: err}, nil
	}
	defer closer.Close()
	return Run(ctx, w, src, opts)
}

// session explains the segments pipeline.Run gives it: add prints the
// explanation of one segment at once, and close prints the summaries.
type session struct {
	opts    Options
	out     printer
	snap    *snapshot
	lines   *lineWriter
	flights map[*rules.Conn]*flight
	// summaries holds what the summary of each connection that ended
	// reads of it (ended, encoded), in the order they ended, in memory up
	// to a megabyte and in a temporary file beyond; at[id-1] is where
	// connection id's is (offset<<atBits | length), 0 when it is not
	// summarised (--conn). A SYN flood of millions of connections costs
	// 8 bytes of memory each until close.
	summaries spill.Buffer
	at        []uint64
	scratch   []byte
	shown     map[rules.Finding]bool
	hints     map[string]*rules.Texts // the checks' hints by rule ID
	// fresh are the findings the engine kept since the last segment
	// (Engine.OnKeep), in the order they were reported.
	fresh   []rules.Finding
	started bool
	multi   bool // more than one connection was seen
}

// newSession starts a session writing to w.
func newSession(w io.Writer, opts Options) *session {
	if opts.Lang == "" {
		opts.Lang = English
	}
	s := &session{opts: opts, snap: &snapshot{}, summaries: spill.Buffer{Memory: summaryMemory},
		lines: newLineWriter(opts.Location), flights: map[*rules.Conn]*flight{}, shown: map[rules.Finding]bool{}}
	s.hints = map[string]*rules.Texts{}
	for _, c := range opts.Checks {
		s.hints[c.ID] = &c.Hint
	}
	if opts.Markdown {
		s.out = &markdownPrinter{w: w, lang: opts.Lang}
	} else {
		s.out = &textPrinter{w: w, lang: opts.Lang}
	}
	return s
}

// kept collects a finding as the engine keeps it.
func (s *session) kept(f rules.Finding) { s.fresh = append(s.fresh, f) }

// add explains the segment the tracker just folded in. Its line is the
// text the input showed for it (a tcpdump log line); when empty, as for
// captures, a tcpdump -n line is built from the segment.
func (s *session) add(st *pipeline.Step) error {
	seg, c, d, line := st.Seg, st.Conn, st.Dir, st.Line
	if line == "" {
		// An input gives lines for all its segments or for none, so the
		// relative numbering of built lines sees every segment.
		line = s.lines.line(seg)
	}
	if err := s.retire(); err != nil {
		return err
	}
	if c.ID > 1 {
		s.multi = true
	}
	if s.opts.Conn != 0 && c.ID != s.opts.Conn {
		return nil
	}
	step := &Step{Seg: seg, Dir: d, IsNew: s.snap.isNew, Copy: !s.snap.seen, Before: &s.snap.before, After: c, Hints: s.hints}
	if step.Copy {
		step.Before = c
	} else {
		fl := s.flight(c)
		step.Acked = fl.ack(d, seg)
		step.Original = fl.send(d, seg)
		step.Findings, step.Earlier = s.findings(seg.Pos, c.ID)
	}
	if err := s.start(); err != nil {
		return err
	}
	n := &note{line: line, sentences: s.render(Read(step))}
	if s.multi {
		n.tag = s.opts.Lang.Render(M(kConnTag, c.ID))
	}
	return s.out.note(n)
}

// atBits is how many bits of session.at a summary's length takes.
const atBits = 24

// summaryMemory is how many bytes of summaries stay in memory (spill.Buffer's
// Memory). A variable, so that a test can make them go to disk.
var summaryMemory = spill.DefaultMemory

// close prints the summaries of the connections, every one ended, with
// the findings the engine kept.
func (s *session) close(findings []rules.Finding) error {
	if err := s.retire(); err != nil {
		return err
	}
	if err := s.start(); err != nil {
		return err
	}
	byConn := map[int][]rules.Finding{}
	for _, f := range findings {
		byConn[f.Conn.ID] = append(byConn[f.Conn.ID], f)
	}
	sums := func(yield func(*summary, error) bool) {
		var scratch []byte
		for _, at := range s.at {
			if at == 0 {
				continue
			}
			b, err := s.summaries.Slice(int64(at>>atBits), int(at&(1<<atBits-1)), scratch)
			if err != nil {
				yield(nil, err)
				return
			}
			if s.summaries.File() != "" {
				scratch = b
			}
			e, err := decodeEnded(b)
			if err != nil {
				yield(nil, err)
				return
			}
			mine := byConn[e.id]
			sum := &summary{}
			for _, f := range mine {
				if !s.shown[f] {
					sum.late = append(sum.late, s.opts.Lang.Render(M(kLateFinding, posRef(f.Pos), f.Rule, f.Severity, findingText{f})))
				}
			}
			sum.sentences = s.render(e.summarize(mine))
			if !yield(sum, nil) {
				return
			}
		}
	}
	return s.out.summaries(sums)
}

func (s *session) start() error {
	if s.started {
		return nil
	}
	s.started = true
	return s.out.start(s.opts.Title, s.opts.Diagram)
}

// retire moves what the summaries read of the connections the tracker
// let go of to s.summaries, and forgets their flights and, unless a new
// connection took their 4-tuple, their sequence bases.
func (s *session) retire() error {
	defer func() { s.snap.ended = s.snap.ended[:0] }()
	for _, e := range s.snap.ended {
		c := e.c
		delete(s.flights, c)
		if e.why != rules.EndReplaced {
			s.lines.forget(c.Client, c.Server)
		}
		if s.opts.Conn != 0 && c.ID != s.opts.Conn {
			continue
		}
		off := s.summaries.Size()
		s.scratch = newEnded(c).append(s.scratch[:0])
		if _, err := s.summaries.Write(s.scratch); err != nil {
			return err
		}
		for len(s.at) < c.ID {
			s.at = append(s.at, 0)
		}
		s.at[c.ID-1] = uint64(off)<<atBits | uint64(len(s.scratch))
	}
	return nil
}

func (s *session) flight(c *rules.Conn) *flight {
	f := s.flights[c]
	if f == nil {
		f = &flight{}
		s.flights[c] = f
	}
	return f
}

// findings returns the findings kept while the segment at pos was folded
// in: those about this segment, and those about earlier segments of the
// same connection that a check could only reach now (a gap known once the
// hole is filled), each sorted by position. Only the findings new since
// the previous segment are looked at, so that a connection with many
// findings costs no more per segment than one with few.
func (s *session) findings(pos tcp.Pos, conn int) (here, earlier []rules.Finding) {
	for _, f := range s.fresh {
		if f.Conn.ID != conn || s.shown[f] {
			continue
		}
		s.shown[f] = true
		if f.Pos == pos {
			here = append(here, f)
		} else {
			earlier = append(earlier, f)
		}
	}
	s.fresh = s.fresh[:0]
	rules.SortFindings(here)
	rules.SortFindings(earlier)
	return here, earlier
}

func (s *session) render(msgs []Msg) []string {
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = s.opts.Lang.Render(m)
	}
	return out
}
