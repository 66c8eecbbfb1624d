// Package pipeline reads one input through the connection tracker and the
// checks: open, read ahead, track and check (on one tracker or on
// rules.Lanes), then collect. It is the one place the pipeline is
// assembled; the commands, the explain session and the library's batch
// runs all call Run.
package pipeline

import (
	"cmp"
	"context"
	"slices"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/stats"
)

// Keep says what a Result keeps of each connection that ends.
type Keep uint8

const (
	// KeepConns keeps every connection whole, with its state changes.
	KeepConns Keep = iota
	// KeepRefs keeps a connection holding only its ID and endpoints.
	KeepRefs
	// KeepCount keeps nothing but the count, so that memory does not grow
	// with the input.
	KeepCount
)

// Options say how Run reads one input.
type Options struct {
	// Input tunes the parsing, for File.
	Input parse.Options
	// Keep is what Result.Conns holds; Result.ConnCount counts them all.
	Keep Keep
	// Transitions keeps each connection's state changes even when Keep
	// lets the connections go: for an observer that copies them when the
	// connection ends.
	Transitions bool
	// Sink, when set, gives tracker i the sink that receives its
	// connections as they end (a spool of their JSON form), in place of
	// Keep: Result.Conns stays empty. They carry their state changes
	// only with Transitions.
	Sink func(i int) Sink
	// Measure measures every connection (rules/stats): Result.ConnStats
	// holds the statistics of the connections kept whole, the Sink is
	// given those it receives. The statistics read the sequence
	// analysis, which each tracker then runs: alone, without checks (and
	// no findings are reported), or beside Checks. An engine of NewEngine
	// must run it itself (checks.SequenceOnly) for retransmissions to be
	// counted.
	Measure bool
	// MaxConns caps the live connections of the input, over all its
	// trackers (rules.Tracker.MaxConns); 0 is rules.DefaultMaxConns.
	MaxConns int
	// Lanes tracks the connections on rules.DefaultLanes goroutines
	// (rules.Lanes). Connection IDs are final only once the input is
	// read: OnSegment is not called, and neither observers nor custom
	// rules may rely on an ID while reading.
	Lanes bool
	// NewEngine, when set, makes the check engine of each tracker.
	NewEngine func() (*rules.Engine, error)
	// Checks, when NewEngine is not set, are the checks each tracker's
	// engine runs, configured by Config (nil: each check's defaults; its
	// custom rules run even without Checks). With none of the three, no
	// checks run.
	Checks []*rules.Check
	Config *rules.Config
	// OnFinding, when set, is called with each finding as the engine
	// keeps it (rules.Engine.OnKeep), on one tracker: for an output that
	// shows findings as they come (explain, the graph recorder). It is
	// not called when Lanes.
	OnFinding func(rules.Finding)
	// Observers, when set, gives more observers to tracker i (0 unless
	// Lanes), placed before the engine.
	Observers func(i int) []rules.Observer
	// ObserversCopy says the Observers copy what they keep of a
	// connection when it ends, so that the tracker may reuse its memory
	// for the next one. Without it, observers are taken to keep
	// connections (the diagram collector does).
	ObserversCopy bool
	// OnSegment, when set, is called after each segment is tracked and
	// checked, on one tracker: a progress hook, or a live output flushed
	// when the input goes quiet (Step.Src's Idle). The Step is
	// reused for the next segment.
	OnSegment func(*Step)
	// Unbuffered reads the source without reading ahead on a goroutine
	// (parse.Prefetch): the segments reach the tracker as the source gives
	// them, with their bytes.
	Unbuffered bool
	// Lines gives OnSegment the input's own text of each segment in
	// Step.Line, for a source that keeps it (the tcpdump text reader).
	// Such a source is then read without reading ahead on a goroutine
	// (parse.Prefetch), so that its text is the segment's.
	Lines bool
	// Payload keeps each segment's bytes (tcp.Segment.Payload) for the
	// Observers and OnSegment. Segments handed to another goroutine (read
	// ahead, or to Lanes) carry them only when a check reads them
	// (rules.Check.ReadsPayload) or with Payload: copying them out of the
	// source's buffer costs a copy of every byte. Read without reading
	// ahead (Unbuffered, Lines), they always do.
	Payload bool
}

// Step is one segment as OnSegment sees it.
type Step struct {
	// Src is the source being read.
	Src parse.Source
	// Seg is the segment, reused for the next one.
	Seg *tcp.Segment
	// Conn is the segment's connection and Dir its direction in it.
	Conn *rules.Conn
	Dir  rules.Dir
	// Line is the first line of the segment's record as the input had it,
	// with Options.Lines; empty for captures.
	Line string
}

// Result is what Run read of one input.
type Result struct {
	// Err is why the input could not be read to its end (a fatal
	// problem, the engine that could not be made, ctx done), or nil.
	// Everything read before it is kept.
	Err error
	// Conns are the connections kept (see Keep), in ID order.
	Conns []*rules.Conn
	// ConnCount counts every connection read.
	ConnCount int
	// Flagless counts segments that showed no flags (tcpdump -q), which
	// the checks cannot judge.
	Flagless int64
	// Untimed counts segments without a time (tcpdump -t, a pcapng
	// Simple Packet Block), which the checks that measure time cannot
	// judge.
	Untimed int64
	// Stats is what the source counted.
	Stats tcp.Stats
	// Copies counts packets seen again on another interface.
	Copies int64
	// Evicted counts connections dropped from a full connection table.
	Evicted int64
	// Loss estimates what the capture missed.
	Loss rules.CaptureLoss
	// Findings are the engines' findings, sorted, with final connection
	// IDs; nil when no checks ran (none of NewEngine, Checks and Config
	// set: Measure alone runs the sequence analysis but reports nothing).
	Findings []rules.Finding
	// RuleErrs are the engines' evaluation errors of custom rules.
	RuleErrs []error
	// ConnStats are the statistics of the connections of Conns, with
	// Options.Measure.
	ConnStats map[*rules.Conn]stats.Summary
}

// Run reads src to its end as opts say. Once ctx is done, it stops at
// the next batch of segments and Result.Err is ctx's error.
func Run(ctx context.Context, src parse.Source, opts Options) Result {
	var lines lineSource
	if opts.Lines && !opts.Lanes {
		lines, _ = src.(lineSource)
	}
	src, stopped := watchContext(ctx, src)
	findings := opts.checks()
	if opts.Measure && !findings {
		opts.NewEngine = sequenceOnly
	}
	var res Result
	if opts.Lanes {
		res = runLanes(src, &opts)
	} else {
		res = runOne(src, &opts, lines)
	}
	if !findings {
		res.Findings, res.RuleErrs = nil, nil
	}
	if stopped() {
		res.Err = ctx.Err()
	}
	return res
}

// lineSource is a source that keeps the text of the segment it gave last
// (the tcpdump text reader).
type lineSource interface{ PacketLine() string }

// runOne reads src on one tracker, read ahead unless opts.Unbuffered,
// lines gives each segment's text, or src reads ahead itself.
func runOne(src parse.Source, opts *Options, lines lineSource) Result {
	var res Result
	eng, err := opts.engine()
	if err != nil {
		res.Err = err
		return res
	}
	var p *parse.Prefetcher
	// A source that reads ahead itself (tcpdump text) is not read ahead
	// again: a second stage only adds a hand-over per batch (200,000
	// lines of text on one tracker: 0.55-1.37 s with the text reader's
	// stage alone, 0.55-1.91 s with both; see docs/design/run.md).
	if lines == nil && !opts.Unbuffered && !src.ReadsAhead() {
		p = parse.Prefetch(src, opts.Payload || eng != nil && eng.ReadsPayload())
		defer p.Close()
		src = p
	}
	tr, col := newTracker(opts, 0, eng)
	fn := func(seg *tcp.Segment) { tr.Add(seg) }
	if opts.OnSegment != nil {
		st := &Step{Src: src}
		fn = func(seg *tcp.Segment) {
			st.Seg = seg
			st.Conn, st.Dir = tr.Add(seg)
			if lines != nil {
				st.Line = lines.PacketLine()
			}
			opts.OnSegment(st)
		}
	}
	if p != nil {
		res.Err = p.Each(fn)
	} else {
		res.Err = parse.Each(src, fn)
	}
	tr.Flush()
	col.into(&res)
	res.Conns = sortedConns(res.Conns)
	res.Stats = *src.Stats()
	res.Copies, res.Evicted, res.Loss = tr.Copies(), tr.Evicted(), tr.CaptureLoss()
	if eng != nil {
		res.Findings, res.RuleErrs = eng.Findings(), eng.Errors
	}
	return res
}

// runLanes reads src on rules.Lanes, each lane with its own collector
// and engine.
func runLanes(src parse.Source, opts *Options) Result {
	var res Result
	var cols []*collector
	var engErr error
	sh := rules.NewLanes(0, func(i int) (*rules.Tracker, *rules.Engine) {
		var eng *rules.Engine
		if engErr == nil {
			eng, engErr = opts.engine()
		}
		tr, col := newTracker(opts, i, eng)
		cols = append(cols, col)
		return tr, eng
	})
	if engErr != nil {
		res.Err = engErr
		return res
	}
	sh.Payload = opts.Payload
	res.Err = sh.Run(src)
	for _, col := range cols {
		col.into(&res)
	}
	sh.Number(res.Conns, nil)
	res.Conns = sortedConns(res.Conns)
	res.Stats = *src.Stats()
	res.Copies, res.Evicted, res.Loss = sh.Copies(), sh.Evicted(), sh.CaptureLoss()
	if opts.checks() {
		res.Findings, res.RuleErrs = sh.Findings(), sh.Errors()
	}
	return res
}

// newTracker returns tracker i with its collector first, then the
// options' observers, then eng when not nil.
func newTracker(opts *Options, i int, eng *rules.Engine) (*rules.Tracker, *collector) {
	col := &collector{keep: opts.Keep}
	if opts.Sink != nil {
		col.sink = opts.Sink(i)
	}
	obs := []rules.Observer{col}
	var extra []rules.Observer
	if opts.Observers != nil {
		extra = opts.Observers(i)
		obs = append(obs, extra...)
	}
	if eng != nil {
		obs = append(obs, eng)
	}
	tr := rules.NewTracker(obs...)
	tr.MaxConns = cmp.Or(opts.MaxConns, rules.DefaultMaxConns)
	if opts.Lanes {
		tr.MaxConns = laneCap(tr.MaxConns, rules.DefaultLanes)
	}
	// Only whole connections are printed with their state changes.
	tr.NoTransitions = opts.Keep != KeepConns && !opts.Transitions
	// A connection's memory serves the next one when nothing keeps it
	// after it ends: the collector and the sink copy what they keep, the
	// engine reports references, but observers may keep connections.
	tr.Recycle = (opts.Keep != KeepConns || opts.Sink != nil) && (len(extra) == 0 || opts.ObserversCopy)
	if opts.Measure {
		col.measure(tr)
	}
	return tr, col
}

// engine makes a tracker's check engine as o says: by NewEngine, else
// of Checks with Config, else none. Its error is an *EngineError.
func (o *Options) engine() (*rules.Engine, error) {
	var eng *rules.Engine
	var err error
	switch {
	case o.NewEngine != nil:
		eng, err = o.NewEngine()
	case o.Checks != nil || o.Config != nil:
		cs := o.Checks
		if o.Measure {
			// The statistics count as retransmissions what the sequence
			// analysis calls so (checks.Resent), whether or not a check
			// of cs requires it.
			cs = append(slices.Clip(cs), checks.SequenceOnly()...)
		}
		eng, err = rules.NewEngine(cs, o.Config)
	default:
		return nil, nil
	}
	if err != nil {
		return nil, &EngineError{Err: err}
	}
	if o.OnFinding != nil && !o.Lanes {
		eng.OnKeep = o.OnFinding
	}
	return eng, nil
}

// checks reports whether o makes check engines.
func (o *Options) checks() bool { return o.NewEngine != nil || o.Checks != nil || o.Config != nil }

// EngineError is Result.Err when a check engine could not be made
// (Options.NewEngine, or Checks with a Config naming an unknown check):
// nothing was read.
type EngineError struct{ Err error }

// Error is the engine's error as it was worded.
func (e *EngineError) Error() string { return e.Err.Error() }

// Unwrap returns the engine's error.
func (e *EngineError) Unwrap() error { return e.Err }

// sequenceOnly is the engine of a measured input without checks: the
// sequence analysis the statistics read.
func sequenceOnly() (*rules.Engine, error) { return rules.NewEngine(checks.SequenceOnly(), nil) }

// laneCap is each of n trackers' share of a table of total connections,
// rounded up so that the shares hold at least total.
func laneCap(total, n int) int { return (total + n - 1) / n }

func sortedConns(cs []*rules.Conn) []*rules.Conn {
	slices.SortFunc(cs, func(a, b *rules.Conn) int { return a.ID - b.ID })
	return cs
}
