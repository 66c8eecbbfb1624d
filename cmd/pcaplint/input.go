package main

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/stats"
	"github.com/spf13/cobra"
)

// connKeep says what the collector keeps of each connection that ends.
type connKeep uint8

const (
	keepConns connKeep = iota // the whole connection (conns, diagram)
	keepRefs                  // a connection holding only ID and endpoints
	keepCount                 // nothing but the count
	keepSpool                 // the JSON form, in a connSpool
)

// connCollector keeps the connections the tracker ends, or as much of them
// as keep says, so that memory does not grow with the input when the
// report needs less.
type connCollector struct {
	keep  connKeep
	conns []*rules.Conn
	// spool receives the connections with keepSpool.
	spool *spoolPart
	n     int
	// flagless counts segments that showed no flags (tcpdump -q), which
	// the checks cannot judge.
	flagless int64
	// stats, when set, measures the connections (conns --stats); the
	// collector keeps each one's Summary beside it, in summaries or in
	// the spool.
	stats     *stats.Observer
	summaries map[*rules.Conn]stats.Summary
}

func (c *connCollector) Segment(_ *rules.Conn, _ rules.Dir, seg *tcp.Segment, _ bool) {
	if !seg.Has(tcp.KnownFlags) {
		c.flagless++
	}
}

// End keeps what c.keep says of conn, and its statistics when measured:
// the tracker calls it before the stats observer's End.
func (c *connCollector) End(conn *rules.Conn, _ rules.EndReason) {
	c.n++
	var sum *stats.Summary
	if c.stats != nil {
		if s, ok := c.stats.Summary(conn); ok {
			sum = &s
		}
	}
	switch c.keep {
	case keepConns:
		c.conns = append(c.conns, conn)
		if sum != nil {
			c.summaries[conn] = *sum
		}
	case keepRefs:
		c.conns = append(c.conns, conn.Ref().Conn())
	case keepSpool:
		c.spool.add(conn, sum)
	}
}

// measure makes tr measure its connections for col: a stats observer
// after every other, the engine included, whose classification of
// retransmissions it reads.
func (c *connCollector) measure(tr *rules.Tracker) {
	c.stats = stats.NewObserver()
	c.summaries = make(map[*rules.Conn]stats.Summary)
	tr.Observers = append(tr.Observers, c.stats)
}

// readInput reads one input through the tracker in a single pass, with eng
// (when not nil) running the checks beside it and the extra observers
// seeing every segment too. The returned File carries the input error, if
// any, beside everything read before it.
func readInput(path string, opts parse.Options, eng *rules.Engine, extra ...rules.Observer) report.File {
	return readInputKeeping(path, opts, keepConns, eng, extra...)
}

// readInputKeeping is readInput keeping only what keep says of each
// connection in File.Conns; File.ConnCount counts them all.
func readInputKeeping(path string, opts parse.Options, keep connKeep, eng *rules.Engine, extra ...rules.Observer) report.File {
	return readInputWatched(path, opts, keep, eng, nil, extra...)
}

// readInputWatched is readInputKeeping calling watch, when not nil, with
// the source after each segment is tracked and checked.
func readInputWatched(path string, opts parse.Options, keep connKeep, eng *rules.Engine, watch func(parse.Source), extra ...rules.Observer) report.File {
	f := report.File{Path: path}
	src, closer, err := parse.OpenFile(path, opts)
	if err != nil {
		f.Err = openError(path, err)
		return f
	}
	defer closer.Close()
	src = parse.Prefetch(src)
	if p, ok := src.(*parse.Prefetcher); ok {
		defer p.Close()
	}
	tr, col := collectingTracker(keep, eng, extra...)
	spool := spoolFor(keep, col)
	f.Err = parse.Each(src, func(seg *tcp.Segment) {
		tr.Add(seg)
		if watch != nil {
			watch(src)
		}
	})
	tr.Flush()
	f.Conns, f.ConnCount = sortedConns(col.conns), col.n
	if spool != nil {
		f.Spool = spool
	}
	f.Stats = *src.Stats()
	f.Copies, f.Evicted = tr.Copies(), tr.Evicted()
	f.Loss = tr.CaptureLoss()
	if eng != nil {
		f.Findings = eng.Findings()
	}
	f.Assess(col.flagless)
	return f
}

// spoolFor gives col a spool when keep says so, and returns it; nil
// otherwise.
func spoolFor(keep connKeep, col *connCollector) *connSpool {
	if keep != keepSpool {
		return nil
	}
	spool := &connSpool{}
	col.spool = spool.part()
	return spool
}

// collectingTracker returns a tracker whose connections col collects as
// keep says, with eng (when not nil) and the extra observers beside it.
func collectingTracker(keep connKeep, eng *rules.Engine, extra ...rules.Observer) (*rules.Tracker, *connCollector) {
	col := &connCollector{keep: keep}
	tr := rules.NewTracker(append([]rules.Observer{col}, extra...)...)
	tr.MaxConns = maxConns
	// Only whole connections are printed with their state changes.
	tr.NoTransitions = keep != keepConns && keep != keepSpool
	// A connection's memory serves the next one when nothing keeps it
	// after it ends: the collector copies what it keeps, the engine
	// reports references, but extra observers (the diagram recorder)
	// keep connections.
	tr.Recycle = keep != keepConns && len(extra) == 0
	if eng != nil {
		tr.Observers = append(tr.Observers, eng)
	}
	return tr, col
}

// readInputSharded is readInputKeeping on several goroutines: connections
// are split among rules.Shards, each with its own collector and, when
// newEngine is not nil, its own engine. It suits observers that need no
// final connection IDs while reading: not the diagram recorder, nor custom
// rules that read a connection's id. It returns the engines' evaluation
// errors beside the File.
func readInputSharded(path string, opts parse.Options, keep connKeep, newEngine func() (*rules.Engine, error)) (report.File, []error) {
	return readInputMeasured(path, opts, keep, newEngine, false)
}

// readInputMeasured is readInputSharded measuring every connection when
// measure is set (conns --stats): File.ConnStats holds the statistics of
// the connections kept whole, the spool those it holds. Without an
// engine of its own, each tracker then runs the sequence analysis alone,
// which the statistics read.
func readInputMeasured(path string, opts parse.Options, keep connKeep, newEngine func() (*rules.Engine, error), measure bool) (report.File, []error) {
	findings := newEngine != nil
	if measure && newEngine == nil {
		newEngine = func() (*rules.Engine, error) { return rules.NewEngine(checks.SequenceOnly(), nil) }
	}
	f := report.File{Path: path}
	src, closer, err := parse.OpenFile(path, opts)
	if err != nil {
		f.Err = openError(path, err)
		return f, nil
	}
	defer closer.Close()
	var cols []*connCollector
	var spool *connSpool
	sh := rules.NewShards(rules.DefaultShards, func(int) (*rules.Tracker, *rules.Engine) {
		var eng *rules.Engine
		if newEngine != nil {
			if eng, err = newEngine(); err != nil {
				eng = nil
			}
		}
		tr, col := collectingTracker(keep, eng)
		if measure {
			col.measure(tr)
		}
		tr.MaxConns = shardCap(maxConns, rules.DefaultShards)
		if keep == keepSpool {
			if spool == nil {
				spool = &connSpool{}
			}
			col.spool = spool.part()
		}
		cols = append(cols, col)
		return tr, eng
	})
	if err != nil {
		f.Err = err
		return f, nil
	}
	f.Err = sh.Run(src)
	var errs []error
	var flagless int64
	for _, col := range cols {
		f.Conns = append(f.Conns, col.conns...)
		if col.summaries != nil {
			if f.ConnStats == nil {
				f.ConnStats = make(map[*rules.Conn]stats.Summary)
			}
			maps.Copy(f.ConnStats, col.summaries)
		}
		f.ConnCount += col.n
		flagless += col.flagless
	}
	sh.Number(f.Conns, nil)
	f.Conns = sortedConns(f.Conns)
	if spool != nil {
		f.Spool = spool
	}
	f.Stats = *src.Stats()
	f.Copies, f.Evicted = sh.Copies(), sh.Evicted()
	f.Loss = sh.CaptureLoss()
	if findings {
		f.Findings = sh.Findings()
		errs = sh.Errors()
	}
	f.Assess(flagless)
	return f, errs
}

// maxConns is --max-conns: the cap on live connections of one input, over
// all its trackers (rules.Tracker.MaxConns).
var maxConns = rules.DefaultMaxConns

// shardCap is each of n trackers' share of a table of total connections,
// rounded up so that the shares hold at least total.
func shardCap(total, n int) int { return (total + n - 1) / n }

// addInputFlags declares the flags that tune how inputs are read, the same
// on every command: --strict, -S/--absolute-input, --strip-prefix and
// --max-conns. oldAbsolute is the command's former spelling of -S, kept as
// a hidden alias that warns ("" for none).
func addInputFlags(cmd *cobra.Command, opts *parse.Options, oldAbsolute string) {
	f := cmd.Flags()
	f.BoolVar(&opts.Strict, "strict", false, "treat malformed tcpdump text lines as errors")
	f.BoolVarP(&opts.Absolute, "absolute-input", "S", false, "tcpdump text was printed with -S (absolute sequence numbers)")
	if oldAbsolute != "" { // a command newer than the old spelling has none
		f.BoolVar(&opts.Absolute, oldAbsolute, false, "deprecated spelling of --absolute-input")
		_ = f.MarkHidden(oldAbsolute)
		deprecated(cmd, oldAbsolute, "-S/--absolute-input")
	}
	addPrefixFlag(cmd, opts)
	f.IntVar(&maxConns, "max-conns", rules.DefaultMaxConns, "keep at most `N` live connections per input; beyond, the least recently seen is evicted (conn-table-full)")
}

// inputErrors prints every input's problems on w and returns exit code 2
// when an input could not be read whole.
func inputErrors(w io.Writer, rep *report.Report) error {
	failed := false
	for _, f := range rep.Files {
		for _, p := range f.Stats.Problems {
			if !p.Fatal {
				fmt.Fprintf(w, "pcaplint: warning: %s\n", report.OneLine(p.Error()))
			}
		}
		if f.Stats.MoreProblems > 0 {
			fmt.Fprintf(w, "pcaplint: warning: %s: %d more problems not shown\n", report.OneLine(f.Path), f.Stats.MoreProblems)
		}
		if f.Err != nil {
			fmt.Fprintf(w, "pcaplint: error: %s\n", report.OneLine(f.Err.Error()))
			failed = true
		}
	}
	if failed {
		return exitCode(exitError)
	}
	return nil
}

func sortedConns(cs []*rules.Conn) []*rules.Conn {
	slices.SortFunc(cs, func(a, b *rules.Conn) int { return a.ID - b.ID })
	return cs
}
