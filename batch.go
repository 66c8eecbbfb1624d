package pcaplint

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/batch"
)

// BatchOptions say how ReadBatch reads many inputs.
type BatchOptions struct {
	// Workers is how many inputs are read at once (at least 1).
	Workers int
	// Grace is how long an interrupted batch waits for the inputs being
	// read (batch.DefaultGrace is the command's).
	Grace time.Duration
	// Read is how each input is read, NewEngine included; Lanes is set
	// for each input unless OneTracker.
	Read ReadOptions
	// OneTracker reads each input with one tracker, for what needs a
	// connection's ID while reading: a custom rule that reads it, the
	// diagram and graph collectors.
	OneTracker bool
	// Prepare, when set, is called on the worker's goroutine before each
	// input is read, with the input's path and its ReadOptions, which it
	// may change (observers, a hook on the engine NewEngine makes). The
	// Finish it returns, if not nil, is called once the input is read,
	// unless the input turns out to be skipped.
	Prepare func(path string, ro *ReadOptions) Finish
	// Done, when set, is given each input's File as it is read, in any
	// order (a progress display).
	Done func(*report.File)
	// Emit, when set, is given each input's File in input order, as soon
	// as it and every input before it are read (see batch.Run); the File
	// in the report then lets go of its connections, findings and spool,
	// so that memory does not grow with the inputs. The first error stops
	// the emitting and is kept in BatchResult.EmitErr.
	Emit func(*report.File) error
}

// Finish ends an input read with what BatchOptions.Prepare set up (a
// drawing of its connections): its errors are the input's, and what it
// keeps is in BatchResult.Kept under the input's path.
type Finish func(f *report.File) (kept any, errs []error)

// BatchResult is a batch turned into a report, with what did not make it
// into the report.
type BatchResult struct {
	// Report holds the Files read, in input order; Skipped, the inputs
	// listed as skipped and the files found under a directory or by a
	// pattern that are neither a capture nor a log, in path order; and
	// Interrupted, the inputs an interruption left unread, with why.
	Report *report.Report
	// Errs are the custom rules' evaluation errors and Finish's, in input
	// order.
	Errs []error
	// Worst is the highest severity of the findings of the Files emitted,
	// which the report no longer holds.
	Worst rules.Severity
	// EmitErr is Emit's first error.
	EmitErr error
	// Kept is what Finish kept of each input read, by path.
	Kept map[string]any
}

// fileResult is what a worker hands back for one input.
type fileResult struct {
	file report.File
	// skip is set when a file found under a directory or by a pattern
	// turns out not to be a capture or a log.
	skip string
	kept any
	errs []error
	// worst is the highest severity of the findings, kept when an emitted
	// file lets its findings go.
	worst rules.Severity
}

// ReadBatch reads the inputs not listed as skipped (batch.Expand lists
// them) on opts.Workers goroutines, each with ReadFile, and assembles the
// report in input order. Once ctx is done it starts no more inputs and
// waits up to opts.Grace for the ones being read; the report says which
// were left unread.
func ReadBatch(ctx context.Context, ins []batch.Input, opts BatchOptions) *BatchResult {
	todo := batch.ToRead(ins)
	res := &BatchResult{Report: &report.Report{Files: []report.File{}, Skipped: Skipped(ins)}, Kept: map[string]any{}}
	bo := batch.Options[*fileResult]{Workers: opts.Workers, Grace: opts.Grace}
	if opts.Done != nil {
		bo.Done = func(_ int, r *fileResult) { opts.Done(&r.file) }
	}
	if opts.Emit != nil {
		bo.Emit = func(_ int, r *fileResult) { res.emit(r, opts.Emit) }
	}
	oc := batch.Run(ctx, len(todo), func(i int) *fileResult { return readInput(todo[i], &opts) }, bo)
	rep := res.Report
	// Of 100,000 inputs, the results and the files are 45 MB each: each
	// result is let go once copied, and the files' list is made once.
	rep.Files = make([]report.File, 0, len(oc.Results))
	for i, r := range oc.Results {
		oc.Results[i] = nil
		switch {
		case r == nil && oc.Abandoned[i]:
			rep.Interrupted = append(rep.Interrupted, report.Skip{Path: todo[i].Path, Reason: "abandoned while being read"})
		case r == nil:
			rep.Interrupted = append(rep.Interrupted, report.Skip{Path: todo[i].Path, Reason: "not started"})
		case r.skip != "":
			rep.Skipped = append(rep.Skipped, report.Skip{Path: todo[i].Path, Reason: r.skip})
		default:
			rep.Files = append(rep.Files, r.file)
			res.Worst = max(res.Worst, r.worst)
			res.Errs = append(res.Errs, r.errs...)
			if r.kept != nil {
				res.Kept[r.file.Path] = r.kept
			}
		}
	}
	slices.SortStableFunc(rep.Skipped, func(a, b report.Skip) int { return cmp.Compare(a.Path, b.Path) })
	return res
}

// readInput reads one input. A file found under a directory or by a
// pattern that is not a capture or a log is skipped, unless its name says
// it is a capture: then it is a broken one, and an error.
func readInput(in batch.Input, opts *BatchOptions) *fileResult {
	r := &fileResult{}
	if in.Fail != nil {
		r.file = report.File{Path: in.Path, Err: in.Fail}
		return r
	}
	ro := opts.Read
	ro.Lanes = !opts.OneTracker
	var finish Finish
	if opts.Prepare != nil {
		finish = opts.Prepare(in.Path, &ro)
	}
	r.file, r.errs = ReadFile(context.Background(), in.Path, ro)
	if !in.Named && errors.Is(r.file.Err, parse.ErrUnknownInput) && !batch.NamedLikeCapture(in.Path) {
		r.skip = strings.TrimPrefix(r.file.Err.Error(), in.Path+": ")
		return r
	}
	if finish != nil {
		var errs []error
		r.kept, errs = finish(&r.file)
		r.errs = append(r.errs, errs...)
	}
	return r
}

// emit hands a file read to emit and lets go of what the end of the run
// does not need: its connections and findings (worst keeps the highest
// severity).
func (res *BatchResult) emit(r *fileResult, emit func(*report.File) error) {
	if r.skip != "" {
		return
	}
	for _, f := range r.file.Findings {
		r.worst = max(r.worst, f.Severity)
	}
	if res.EmitErr == nil {
		res.EmitErr = emit(&r.file)
	}
	CloseSpool(&r.file)
	r.file.LetGoOfFindings()
	r.file.Conns, r.file.Spool = nil, nil
}

// Skipped lists the inputs that are listed as skipped, for the report.
func Skipped(ins []batch.Input) []report.Skip {
	var out []report.Skip
	for _, in := range ins {
		if in.Skip != "" {
			out = append(out, report.Skip{Path: in.Path, Reason: in.Skip})
		}
	}
	return out
}

// UnreadArgs are the directories and patterns none of whose files rep
// read (all skipped: not captures or logs, or left out by the filters),
// each said as an error, in the order of the arguments. It judges a
// whole batch only: a shard holds part of each argument's files.
func UnreadArgs(ins []batch.Input, rep *report.Report) []string {
	read := map[string]bool{}
	for _, f := range rep.Files {
		read[f.Path] = true
	}
	found, hit := map[string]int{}, map[string]bool{}
	var order []string
	for _, in := range ins {
		if in.Arg == "" {
			continue
		}
		if _, ok := found[in.Arg]; !ok {
			order = append(order, in.Arg)
		}
		found[in.Arg]++
		hit[in.Arg] = hit[in.Arg] || read[in.Path]
	}
	var out []string
	for _, a := range order {
		if !hit[a] {
			out = append(out, fmt.Sprintf("%s: none of the files found there (%d) is a capture or a log (see the skipped files)", a, found[a]))
		}
	}
	return out
}
