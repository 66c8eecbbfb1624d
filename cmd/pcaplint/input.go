package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/spf13/cobra"
)

// connCollector keeps every connection the tracker ends, in ID order.
type connCollector struct{ conns []*rules.Conn }

func (c *connCollector) Segment(*rules.Conn, rules.Dir, *tcp.Segment, bool) {}
func (c *connCollector) End(conn *rules.Conn, _ rules.EndReason)            { c.conns = append(c.conns, conn) }

// readInput reads one input through the tracker in a single pass, with eng
// (when not nil) running the checks beside it and the extra observers
// seeing every segment too. The returned File carries the input error, if
// any, beside everything read before it.
func readInput(path string, opts parse.Options, eng *rules.Engine, extra ...rules.Observer) report.File {
	f := report.File{Path: path}
	src, closer, err := parse.OpenFile(path, opts)
	if err != nil {
		f.Err = err
		return f
	}
	defer closer.Close()
	col := &connCollector{}
	tr := rules.NewTracker(append([]rules.Observer{col}, extra...)...)
	if eng != nil {
		tr.Observers = append(tr.Observers, eng)
	}
	f.Err = eachSegment(src, func(seg *tcp.Segment) { tr.Add(seg) })
	tr.Flush()
	f.Conns = sortedConns(col.conns)
	f.Stats = *src.Stats()
	f.Copies, f.Evicted = tr.Copies(), tr.Evicted()
	if eng != nil {
		f.Findings = eng.Findings()
	}
	return f
}

// addInputFlags declares the flags that tune how inputs are read.
func addInputFlags(cmd *cobra.Command, opts *parse.Options) {
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "treat malformed tcpdump text lines as errors")
	cmd.Flags().BoolVarP(&opts.Absolute, "absolute", "S", false, "tcpdump text was printed with -S (absolute sequence numbers)")
}

// expandInputs replaces each directory argument by the regular files
// directly in it, in name order; files and - stay as they are.
func expandInputs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if a == "-" || err != nil || !st.IsDir() {
			out = append(out, a) // reading reports a missing file
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, err
		}
		var files []string
		for _, e := range entries {
			if e.Type().IsRegular() {
				files = append(files, filepath.Join(a, e.Name()))
			}
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s: no files in the directory", a)
		}
		slices.Sort(files)
		out = append(out, files...)
	}
	return out, nil
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

// eachSegment reads src to its end, calling fn with every segment. It
// returns the error that stopped the reading early, or nil at the end of
// the input.
func eachSegment(src parse.Source, fn func(*tcp.Segment)) error {
	var seg tcp.Segment
	for {
		err := src.Next(&seg)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		fn(&seg)
	}
}
