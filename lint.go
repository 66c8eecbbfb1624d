package pcaplint

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"time"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/baseline"
	"github.com/pcaplint/pcaplint/rules/batch"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

// LintOptions say how Lint reads and judges inputs, as pcaplint lint does.
type LintOptions struct {
	// Checks and Rules are the checks and the rule set (LoadRules) of
	// every input's engine.
	Checks []*rules.Check
	Rules  *rules.Config
	// Input tunes the parsing; Lint sets Checksums when the bad-checksum
	// check runs.
	Input parse.Options
	// MaxConns caps the live connections of one input (rules.DefaultMaxConns).
	MaxConns int
	// Format is the report format the result is printed in, and HTML is
	// set when a page is written too: they decide what is kept of each
	// connection (Keeps).
	Format string
	HTML   bool
	// Workers is how many inputs are read at once (0: one per CPU), and
	// Grace how long an interrupted batch waits for the inputs being read.
	Workers int
	Grace   time.Duration
	// Shard, when set, is the part of a split batch the inputs are: the
	// report records it, and no directory or pattern is judged empty.
	Shard *batch.Shard
	// Baseline, when set, drops the findings it knows from the report.
	Baseline *baseline.Baseline
	// WriteBaseline, when set, is the file the caller records the
	// findings in: Lint returns them as LintResult.Baseline, unless the
	// run was interrupted, which is then an error naming the file.
	WriteBaseline string
	// Draw, when set, is BatchOptions.Prepare: it sets up the drawing of
	// each input, which is then read on one tracker.
	Draw func(path string, ro *ReadOptions) Finish
	// Progress, when set, is called before a batch is read with the
	// number of inputs to read, and returns what is given each input's
	// File as it is read (BatchOptions.Done), or nil.
	Progress func(toRead int) func(*report.File)
	// Printer, when set, prints the report on Out: each input as soon
	// as it is done (report.NewFileWriter) or each finding of a live
	// input as it is found (report.Streamer), when nothing needs the
	// whole report first, the rest at LintResult.Print. It sets Emit and
	// Live.
	Printer report.Printer
	Out     io.Writer
	// Emit, when set, is given each input's File as soon as it and those
	// before it are read (BatchOptions.Emit), unless the whole report is
	// needed first (a baseline, an HTML page).
	Emit func(*report.File) error
	// Live, when set, is given each finding of one live input (a pipe:
	// tcpdump -l | pcaplint lint -) as soon as it is certain, when
	// nothing needs every finding first (Streams); OnSegment is then
	// called after each segment (to flush the output when the pipe goes
	// quiet).
	Live      func(path string, fd *rules.Finding)
	OnSegment func(*pipeline.Step)
}

// LintResult is what Lint read and judged: the report, with what did not
// make it into the report.
type LintResult struct {
	// Report lists the inputs in path order with their findings, less
	// those LintOptions.Baseline knows (Known counts them).
	Report *report.Report
	// Errs are the custom rules' evaluation errors, Draw's and the
	// baseline's that could not be recorded, in input order.
	Errs []error
	// Kept is what Draw's Finish kept of each input read, by path.
	Kept map[string]any
	// Unread are the directories and patterns none of whose files was
	// read (UnreadArgs; none for a shard).
	Unread []string
	// Streamed is set when Live was given every finding, Emitted when
	// Emit was given every File (EmitErr is its first error): the report
	// then needs only its tail printed.
	Streamed, Emitted bool
	EmitErr           error
	// Baseline records the findings (WriteBaseline), before the known
	// ones are dropped; Recorded counts them and Known those dropped.
	Baseline        *baseline.Baseline
	Recorded, Known int
	// worst is the highest severity of the findings of the Files
	// emitted, which the report no longer holds.
	worst rules.Severity
	// baselineFile is LintOptions.WriteBaseline.
	baselineFile string
	// print is how Print prints (LintOptions.Printer).
	print *printing
}

// Worst is the highest severity found in any input, those emitted
// included: what the exit status is decided on.
func (r *LintResult) Worst() rules.Severity { return max(r.worst, r.Report.Worst()) }

// Inputs turns the arguments into the inputs Lint reads (batch.Expand) in
// path order, those of shard sh only when it is not nil; empty are the
// directories and patterns that yield no file.
func Inputs(args []string, f batch.Filters, sh *batch.Shard) (ins []batch.Input, empty []string, err error) {
	ins, empty, err = batch.Expand(args, f)
	if err != nil {
		return nil, nil, err
	}
	slices.SortStableFunc(ins, func(a, b batch.Input) int { return cmp.Compare(a.Path, b.Path) })
	return sh.Pick(ins), empty, nil
}

// Keeps is how lint reads each input for a report in format, with an HTML
// page or not: JSON prints the connections whole and JUnit names them
// (both spooled, see ReadOptions), the HTML page names them by ID and
// endpoints, the other formats only count them.
func Keeps(format string, html bool, o pipeline.Options) ReadOptions {
	ro := ReadOptions{Options: o}
	ro.Keep = pipeline.KeepCount
	switch {
	case format == "json" && html:
		ro.Keep = pipeline.KeepConns
	case format == "json":
		ro.Spool = true
	case html:
		ro.Keep = pipeline.KeepRefs
	case format == "junit":
		ro.Keep, ro.SpoolBrief = pipeline.KeepRefs, true
	}
	return ro
}

// Streams reports whether Lint gives the findings of ins to Live as they
// are found: one live input, and nothing that needs every finding first
// (a baseline, an HTML page, drawings).
func (o *LintOptions) Streams(ins []batch.Input) bool {
	_, live := o.Printer.(report.Streamer)
	if (o.Live == nil && !live) || len(ins) != 1 || ins[0].Skip != "" || ins[0].Fail != nil {
		return false
	}
	if o.Baseline != nil || o.WriteBaseline != "" || o.HTML || o.Draw != nil {
		return false
	}
	return parse.IsLive(ins[0].Path)
}

// Lint reads the inputs (Inputs lists them) and judges them as pcaplint
// lint does: in parallel into one report (ReadBatch), or one live input
// finding by finding (Streams); then it records a baseline and drops the
// known findings. Once ctx is done it starts no more inputs (a live input
// is read to its end); the report says which were left unread.
func Lint(ctx context.Context, ins []batch.Input, o LintOptions) *LintResult {
	o.Input.Checksums = NeedsChecksums(o.Rules, o.Checks)
	ro := Keeps(o.Format, o.HTML, pipeline.Options{Input: o.Input, MaxConns: o.MaxConns,
		Checks: o.Checks, Config: o.Rules})
	res := &LintResult{baselineFile: o.WriteBaseline, print: o.hook()}
	if o.Streams(ins) {
		res.Streamed = true
		f, errs := stream(ins[0].Path, ro, &o)
		res.Report, res.Errs, res.Kept = &report.Report{Files: []report.File{f}}, errs, map[string]any{}
	} else {
		bo := BatchOptions{Workers: cmp.Or(o.Workers, runtime.NumCPU()), Grace: o.Grace, Read: ro,
			OneTracker: o.Draw != nil || o.Rules.ReadsConnID(), Prepare: o.Draw}
		if o.Progress != nil {
			bo.Done = o.Progress(len(batch.ToRead(ins)))
		}
		if o.Emit != nil && !o.HTML && o.Baseline == nil && o.WriteBaseline == "" {
			bo.Emit, res.Emitted = o.Emit, true
		}
		br := ReadBatch(ctx, ins, bo)
		res.Report, res.Errs, res.Kept, res.worst, res.EmitErr = br.Report, br.Errs, br.Kept, br.Worst, br.EmitErr
	}
	rep := res.Report
	if o.Shard == nil { // a shard holds only part of each argument's files: it judges none
		res.Unread = UnreadArgs(ins, rep)
	}
	switch {
	case o.WriteBaseline != "" && len(rep.Interrupted) > 0:
		// A baseline of part of the inputs would replace the one there.
		res.Errs = append(res.Errs, fmt.Errorf("--write-baseline %s: not written: the run was interrupted with %d inputs not read", o.WriteBaseline, len(rep.Interrupted)))
	case o.WriteBaseline != "":
		res.Baseline = Baseline(rep)
		for _, f := range rep.Files {
			res.Recorded += len(f.Findings)
		}
	}
	if o.Baseline != nil {
		res.Known = DropKnown(rep, o.Baseline)
	}
	if o.Shard != nil {
		rep.Shard = &report.Shard{K: o.Shard.K, N: o.Shard.N, Inputs: batch.Paths(ins)}
	}
	return res
}

// stream reads one live input with one tracker, giving each finding to
// o.Live as the engine keeps it, which is when it is certain (at its
// segment, or at the end of its connection); the findings kept only at
// the end (a rule's summary beyond its limit) follow. The reading is not
// interrupted: the writer of the pipe is usually stopped by the same
// Ctrl-C.
func stream(path string, ro ReadOptions, o *LintOptions) (report.File, []error) {
	printed := make(map[rules.Finding]bool)
	ro.OnFinding = func(fd rules.Finding) {
		printed[fd] = true
		o.Live(path, &fd)
	}
	ro.OnSegment = o.OnSegment
	f, ruleErrs := ReadFile(context.Background(), path, ro)
	for i := range f.Findings {
		if !printed[f.Findings[i]] {
			o.Live(path, &f.Findings[i])
		}
	}
	return f, ruleErrs
}

// Fails reports whether the findings fail the run at failOn (--fail-on;
// Off never fails): none do when a baseline is written, as recording one
// accepts what is there.
func (r *LintResult) Fails(failOn rules.Severity) bool {
	return r.baselineFile == "" && failOn != rules.Off && r.Worst() >= failOn
}
