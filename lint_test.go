package pcaplint

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/baseline"
	"github.com/pcaplint/pcaplint/rules/batch"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

func TestLint(t *testing.T) {
	ins := batchDir(t)
	known := Baseline(&report.Report{Files: []report.File{lintOne(t, ins[1].Path)}})
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name  string
		ctx   context.Context
		setup func(*LintOptions, *[]string)
		want  string
	}{
		{"a batch", context.Background(), nil,
			"a-clean.txt: 0 findings\nb-rst.txt: 1 findings\nbroken.pcap: failed\nleft-out.log: skipped, excluded by --exclude *.log\n" +
				"notes.md: skipped, not a capture or tcpdump text\nworst warning"},
		{"emitted", context.Background(), func(o *LintOptions, log *[]string) {
			o.Emit = func(f *report.File) error { *log = append(*log, "emit "+filepath.Base(f.Path)); return nil }
		}, "a-clean.txt: 0 findings\nb-rst.txt: 0 findings\nbroken.pcap: failed\nleft-out.log: skipped, excluded by --exclude *.log\n" +
			"notes.md: skipped, not a capture or tcpdump text\nemitted\nworst warning\nemit a-clean.txt\nemit b-rst.txt\nemit broken.pcap"},
		{"not emitted for a page", context.Background(), func(o *LintOptions, log *[]string) {
			o.HTML = true
			o.Emit = func(f *report.File) error { *log = append(*log, "emit"); return nil }
		}, "a-clean.txt: 0 findings\nb-rst.txt: 1 findings\nbroken.pcap: failed\nleft-out.log: skipped, excluded by --exclude *.log\n" +
			"notes.md: skipped, not a capture or tcpdump text\nworst warning"},
		{"a baseline recorded and applied", context.Background(), func(o *LintOptions, _ *[]string) {
			o.WriteBaseline, o.Baseline = "base.json", known
		}, "a-clean.txt: 0 findings\nb-rst.txt: 0 findings\nbroken.pcap: failed\nleft-out.log: skipped, excluded by --exclude *.log\n" +
			"notes.md: skipped, not a capture or tcpdump text\nrecorded 1, known 1\nworst off"},
		{"interrupted: no baseline", canceled, func(o *LintOptions, _ *[]string) { o.WriteBaseline = "base.json" },
			"left-out.log: skipped, excluded by --exclude *.log\na-clean.txt: unread, not started\nb-rst.txt: unread, not started\n" +
				"broken.pcap: unread, not started\nnotes.md: unread, not started\n" +
				"error --write-baseline base.json: not written: the run was interrupted with 4 inputs not read\nworst off"},
		{"a shard", context.Background(), func(o *LintOptions, _ *[]string) { o.Shard = &batch.Shard{K: 0, N: 1} },
			"a-clean.txt: 0 findings\nb-rst.txt: 1 findings\nbroken.pcap: failed\nleft-out.log: skipped, excluded by --exclude *.log\n" +
				"notes.md: skipped, not a capture or tcpdump text\nshard 0/1 of 5\nworst warning"},
		{"drawn on one tracker", context.Background(), func(o *LintOptions, log *[]string) {
			o.Draw = func(path string, ro *ReadOptions) Finish {
				*log = append(*log, fmt.Sprint("lanes ", ro.Lanes))
				return nil
			}
		}, "a-clean.txt: 0 findings\nb-rst.txt: 1 findings\nbroken.pcap: failed\nleft-out.log: skipped, excluded by --exclude *.log\n" +
			"notes.md: skipped, not a capture or tcpdump text\nworst warning\nlanes false\nlanes false\nlanes false\nlanes false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := LintOptions{Checks: checks.All(), Workers: 1}
			var log []string
			if tt.setup != nil {
				tt.setup(&o, &log)
			}
			res := Lint(tt.ctx, ins, o)
			got := []string{summary(res.Report)}
			if res.Emitted {
				got = append(got, "emitted")
			}
			if res.Baseline != nil {
				got = append(got, fmt.Sprintf("recorded %d, known %d", res.Recorded, res.Known))
			}
			for _, e := range res.Errs {
				got = append(got, "error "+e.Error())
			}
			if s := res.Report.Shard; s != nil {
				got = append(got, fmt.Sprintf("shard %d/%d of %d", s.K, s.N, len(s.Inputs)))
			}
			got = append(got, "worst "+res.Worst().String())
			if g := strings.Join(append(got, log...), "\n"); g != tt.want {
				t.Errorf("got\n%s\nwant\n%s", g, tt.want)
			}
		})
	}
}

// lintOne lints one input with every check.
func lintOne(t *testing.T, path string) report.File {
	t.Helper()
	f, _ := ReadFile(context.Background(), path, ReadOptions{Options: pipeline.Options{
		NewEngine: func() (*rules.Engine, error) { return rules.NewEngine(checks.All(), nil) }}})
	return f
}

// TestLintStreamsALiveInput: a pipe's findings are given to Live as they
// are found, and the report holds them too.
func TestLintStreamsALiveInput(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	log, err := os.ReadFile("testdata/captures/real/rst-abort.txt")
	if err != nil {
		t.Fatal(err)
	}
	go func() { w.Write(log); w.Close() }()
	stdin := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = stdin }()
	var live []string
	o := LintOptions{Checks: checks.All(), Live: func(path string, fd *rules.Finding) { live = append(live, path+" "+fd.Rule) }}
	ins := []batch.Input{{Path: "-", Named: true}}
	if !o.Streams(ins) {
		t.Fatal("standard input from a pipe is not streamed")
	}
	res := Lint(context.Background(), ins, o)
	if !res.Streamed || strings.Join(live, ",") != "- rst-unexpected" || len(res.Report.Files[0].Findings) != 1 {
		t.Errorf("streamed %v, live %q, report %+v", res.Streamed, live, res.Report.Files)
	}
}

func TestStreams(t *testing.T) {
	live := func(string, *rules.Finding) {}
	one := []batch.Input{{Path: "-", Named: true}}
	for _, tc := range []struct {
		name string
		o    LintOptions
		ins  []batch.Input
	}{
		{"no Live", LintOptions{}, one},
		{"two inputs", LintOptions{Live: live}, append(one, batch.Input{Path: "x"})},
		{"a file", LintOptions{Live: live}, []batch.Input{{Path: "testdata/captures/real/clean.txt"}}},
		{"a baseline", LintOptions{Live: live, Baseline: &baseline.Baseline{}}, one},
		{"a baseline written", LintOptions{Live: live, WriteBaseline: "b.json"}, one},
		{"a page", LintOptions{Live: live, HTML: true}, one},
		{"drawings", LintOptions{Live: live, Draw: func(string, *ReadOptions) Finish { return nil }}, one},
	} {
		if tc.o.Streams(tc.ins) {
			t.Errorf("%s: streams", tc.name)
		}
	}
}

func TestKeeps(t *testing.T) {
	for _, tc := range []struct {
		format       string
		html         bool
		keep         pipeline.Keep
		spool, brief bool
	}{
		{"text", false, pipeline.KeepCount, false, false},
		{"sarif", false, pipeline.KeepCount, false, false},
		{"json", false, pipeline.KeepCount, true, false},
		{"junit", false, pipeline.KeepRefs, false, true},
		{"json", true, pipeline.KeepConns, false, false},
		{"junit", true, pipeline.KeepRefs, false, false},
		{"text", true, pipeline.KeepRefs, false, false},
	} {
		ro := Keeps(tc.format, tc.html, pipeline.Options{MaxConns: 7})
		if ro.Keep != tc.keep || ro.Spool != tc.spool || ro.SpoolBrief != tc.brief || ro.MaxConns != 7 {
			t.Errorf("%s, html %v: keep %v spool %v brief %v, want %v %v %v", tc.format, tc.html, ro.Keep, ro.Spool, ro.SpoolBrief, tc.keep, tc.spool, tc.brief)
		}
	}
}

func TestLoadRules(t *testing.T) {
	all := checks.All()
	for _, tc := range []struct {
		name      string
		overrides []string
		rule      string
		want      rules.Severity
		err       string
	}{
		{"strict", nil, "retransmission", rules.Warning, ""},
		{"minimal", []string{"retransmission=error"}, "retransmission", rules.Error, ""},
		{"strcit", nil, "", 0, `pcaplint: --rules strcit: not a file, nor a built-in set (default, strict, minimal) (did you mean strict?)`},
		{"default", []string{"no-such-rule=error"}, "", 0, "pcaplint: "},
	} {
		cfg, err := LoadRules(tc.name, tc.overrides, all)
		if tc.err != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tc.err) {
				t.Errorf("%s %v: error %v, want %q", tc.name, tc.overrides, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := cfg.Rules[tc.rule].Severity; got != tc.want {
			t.Errorf("%s %v: %s is %v, want %v", tc.name, tc.overrides, tc.rule, got, tc.want)
		}
	}
}

func TestNeedsChecksums(t *testing.T) {
	all := checks.All()
	on, _ := LoadRules("default", []string{"bad-checksum=warning"}, all)
	off, _ := LoadRules("default", []string{"bad-checksum=off"}, all)
	if !NeedsChecksums(on, all) || NeedsChecksums(off, all) {
		t.Errorf("bad-checksum on: %v, off: %v", NeedsChecksums(on, all), NeedsChecksums(off, all))
	}
}

func TestBaselineFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "base.json")
	res := Lint(context.Background(), []batch.Input{{Path: "testdata/captures/real/rst-abort.txt", Named: true}},
		LintOptions{Checks: checks.All(), WriteBaseline: path})
	if err := res.WriteBaseline(); err != nil {
		t.Fatal(err)
	}
	if got, want := res.Notes(), "pcaplint: note: recorded 1 finding in "+path+"\n"; got != want {
		t.Errorf("notes %q, want %q", got, want)
	}
	known, err := ReadBaseline(path, os.ReadFile)
	if err != nil {
		t.Fatal(err)
	}
	res = Lint(context.Background(), []batch.Input{{Path: "testdata/captures/real/rst-abort.txt", Named: true}},
		LintOptions{Checks: checks.All(), Baseline: known})
	if got, want := res.Notes(), "pcaplint: note: 1 finding known in the baseline not shown\n"; got != want || res.WriteBaseline() != nil {
		t.Errorf("notes %q, want %q", got, want)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{"", ""},
		{filepath.Join(dir, "gone.json"), "--baseline " + dir + "/gone.json: no such file; record the current findings with --write-baseline " + dir + "/gone.json"},
		{filepath.Join(dir, "bad.json"), "--baseline " + dir + "/bad.json: "},
		{dir, "--baseline: read " + dir + ": is a directory"},
	} {
		b, err := ReadBaseline(tc.path, os.ReadFile)
		if tc.want == "" {
			if b != nil || err != nil {
				t.Errorf("%q: %v, %v; want no baseline", tc.path, b, err)
			}
		} else if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.path, err, tc.want)
		}
	}
}

// TestLintPrints: a report printed as each input is done (Printer) is
// byte for byte the one printed whole after the run, in every format.
func TestLintPrints(t *testing.T) {
	ins := batchDir(t)
	for _, format := range report.Formats {
		p, err := report.New(format, report.Options{Checks: checks.All(), Version: "test"})
		if err != nil {
			t.Fatal(err)
		}
		var each, whole bytes.Buffer
		res := Lint(context.Background(), ins, LintOptions{Checks: checks.All(), Format: format, Printer: p, Out: &each})
		if err := res.Print(); err != nil {
			t.Fatal(err)
		}
		CloseSpools(res.Report)
		res = Lint(context.Background(), ins, LintOptions{Checks: checks.All(), Format: format})
		if err := report.PrintBatch(&whole, p, res.Report); err != nil {
			t.Fatal(err)
		}
		CloseSpools(res.Report)
		if each.Len() == 0 || each.String() != whole.String() {
			t.Errorf("%s: as each input is done\n%s\nwhole\n%s", format, each.String(), whole.String())
		}
	}
}

func TestFails(t *testing.T) {
	warned := &LintResult{Report: &report.Report{Files: []report.File{{Findings: []rules.Finding{{Severity: rules.Warning}}}}}}
	emitted := &LintResult{Report: &report.Report{}, worst: rules.Error}
	recording := &LintResult{Report: warned.Report, baselineFile: "base.json"}
	for _, tc := range []struct {
		name   string
		r      *LintResult
		failOn rules.Severity
		want   bool
	}{
		{"a warning at warning", warned, rules.Warning, true},
		{"a warning at error", warned, rules.Error, false},
		{"never", warned, rules.Off, false},
		{"an emitted error", emitted, rules.Error, true},
		{"recording a baseline", recording, rules.Info, false},
	} {
		if got := tc.r.Fails(tc.failOn); got != tc.want {
			t.Errorf("%s: Fails(%v) = %v, want %v", tc.name, tc.failOn, got, tc.want)
		}
	}
}
