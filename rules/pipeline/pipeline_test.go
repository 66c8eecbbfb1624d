package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

const realDir = "../../testdata/captures/real/"

func newEngine() (*rules.Engine, error) { return rules.NewEngine(checks.All(), nil) }

// summary is what a test compares of a Result.
func summary(res pipeline.Result) []string {
	var out []string
	for _, c := range res.Conns {
		out = append(out, fmt.Sprintf("conn %d %s %s %s", c.ID, c.Client, c.Server, c.History()))
	}
	for _, f := range res.Findings {
		out = append(out, fmt.Sprintf("%s %d %s %s", f.Pos, f.Conn.ID, f.Rule, f.Message))
	}
	return append(out, fmt.Sprintf("count %d, stats %+v, err %v", res.ConnCount, res.Stats, res.Err))
}

// TestLanesReadAsOneTracker: the same input read on one tracker and on
// lanes gives the same connections, IDs, findings and counts, whatever
// is kept.
func TestLanesReadAsOneTracker(t *testing.T) {
	for _, name := range []string{"loopback-9502-any.pcap", "rst-abort.txt", "bulk.pcap", "../craft/broken-truncated-record.pcap"} {
		for _, keep := range []pipeline.Keep{pipeline.KeepConns, pipeline.KeepRefs, pipeline.KeepCount} {
			opts := pipeline.Options{Keep: keep, NewEngine: newEngine}
			one := pipeline.File(context.Background(), realDir+name, opts)
			opts.Lanes = true
			laned := pipeline.File(context.Background(), realDir+name, opts)
			if a, b := summary(one), summary(laned); !slices.Equal(a, b) {
				t.Errorf("%s, keep %d: one tracker\n%q\nlanes\n%q", name, keep, a, b)
			}
			if keep == pipeline.KeepCount && len(one.Conns) > 0 {
				t.Errorf("%s: KeepCount kept %d connections", name, len(one.Conns))
			}
		}
	}
}

// TestRunReportsWhatStopsIt: an engine that cannot be made, a file that
// cannot be opened, and a context done before the end are each the
// Result's error.
func TestRunReportsWhatStopsIt(t *testing.T) {
	bad := errors.New("no engine")
	done, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		path    string
		opts    pipeline.Options
		wantErr error
		wantMsg string
	}{
		{"engine", context.Background(), realDir + "bulk.pcap", pipeline.Options{NewEngine: func() (*rules.Engine, error) { return nil, bad }}, bad, ""},
		{"engine in lanes", context.Background(), realDir + "bulk.pcap", pipeline.Options{Lanes: true, NewEngine: func() (*rules.Engine, error) { return nil, bad }}, bad, ""},
		{"unknown rule", context.Background(), realDir + "bulk.pcap", pipeline.Options{Checks: checks.All(), Config: &rules.Config{Rules: map[string]rules.RuleConfig{"no-such-rule": {}}}}, nil, "unknown rule ID no-such-rule"},
		{"missing", context.Background(), realDir + "no-such.pcap", pipeline.Options{}, nil, "no-such.pcap: no such file; give a pcap"},
		{"directory", context.Background(), realDir, pipeline.Options{}, nil, "is a directory; give the files in it"},
		{"cancelled", done, realDir + "bulk.pcap", pipeline.Options{}, context.Canceled, ""},
		{"cancelled in lanes", done, realDir + "bulk.pcap", pipeline.Options{Lanes: true}, context.Canceled, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := pipeline.File(tt.ctx, tt.path, tt.opts)
			switch {
			case res.Err == nil:
				t.Fatal("no error")
			case tt.wantErr != nil && !errors.Is(res.Err, tt.wantErr):
				t.Errorf("error %v, want %v", res.Err, tt.wantErr)
			case tt.wantMsg != "" && !contains(res.Err.Error(), tt.wantMsg):
				t.Errorf("error %q, want it to say %q", res.Err, tt.wantMsg)
			}
			var engErr *pipeline.EngineError
			if isEngine := errors.As(res.Err, &engErr); isEngine != (tt.opts.NewEngine != nil || tt.opts.Checks != nil) {
				t.Errorf("error %v: an *EngineError is %v", res.Err, isEngine)
			}
		})
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// TestOnSegmentSeesEverySegmentTracked: the hook is called once per TCP
// segment, after the tracker placed it in its connection.
func TestOnSegmentSeesEverySegmentTracked(t *testing.T) {
	var n int64
	res := pipeline.File(context.Background(), realDir+"loopback-9502-any.pcap", pipeline.Options{
		OnSegment: func(st *pipeline.Step) {
			n++
			if st.Conn == nil || st.Conn.ID == 0 || st.Seg == nil || st.Src == nil {
				t.Fatalf("segment %d: step %+v", n, st)
			}
		},
	})
	if res.Err != nil || n != res.Stats.TCP || n == 0 {
		t.Errorf("%d calls for %d TCP segments (error %v)", n, res.Stats.TCP, res.Err)
	}
}

// TestEngineOptions: Checks with Config make the same engine as a
// NewEngine of them; OnFinding hears each finding kept, on one tracker
// only; Lines gives a log's own lines, a capture none.
func TestEngineOptions(t *testing.T) {
	atError := &rules.Config{Rules: map[string]rules.RuleConfig{"rst-unexpected": {Severity: rules.Error}}}
	tests := []struct {
		name    string
		path    string
		opts    pipeline.Options
		heard   int  // calls of OnFinding
		lines   bool // Step.Line is the log's line
		reached bool // the source was read without a Prefetcher
	}{
		{"checks", "rst-abort.pcap", pipeline.Options{Checks: checks.All()}, 1, false, false},
		{"checks and config", "rst-abort.pcap", pipeline.Options{Checks: checks.All(), Config: atError}, 1, false, false},
		{"lanes", "rst-abort.pcap", pipeline.Options{Checks: checks.All(), Lanes: true}, 0, false, false},
		{"no checks", "rst-abort.pcap", pipeline.Options{}, 0, false, false},
		{"unbuffered", "rst-abort.pcap", pipeline.Options{Unbuffered: true}, 0, false, true},
		// The text reader reads ahead itself: it is never read ahead
		// again, with Lines or without.
		{"log", "rst-abort.txt", pipeline.Options{Checks: checks.All()}, 1, false, true},
		{"lines of a log", "rst-abort.txt", pipeline.Options{Lines: true}, 0, true, true},
		{"lines of a capture", "rst-abort.pcap", pipeline.Options{Lines: true}, 0, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			heard := 0
			var lines []string
			unbuffered := true
			opts := tt.opts
			opts.OnFinding = func(rules.Finding) { heard++ }
			if !opts.Lanes {
				opts.OnSegment = func(st *pipeline.Step) {
					lines = append(lines, st.Line)
					if _, ok := st.Src.(*parse.Prefetcher); ok {
						unbuffered = false
					}
				}
			}
			res := pipeline.File(context.Background(), realDir+tt.path, opts)
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			if heard != tt.heard {
				t.Errorf("OnFinding called %d times, want %d", heard, tt.heard)
			}
			want := newEngine
			if opts.Config != nil {
				want = func() (*rules.Engine, error) { return rules.NewEngine(checks.All(), opts.Config) }
			}
			if opts.Checks != nil {
				ref := pipeline.File(context.Background(), realDir+tt.path, pipeline.Options{NewEngine: want})
				if a, b := summary(res), summary(ref); !slices.Equal(a, b) {
					t.Errorf("Checks and Config read\n%q\nNewEngine\n%q", a, b)
				}
			} else if res.Findings != nil {
				t.Errorf("findings without checks: %v", res.Findings)
			}
			if opts.Lanes {
				return
			}
			if logged := lines[0] != ""; logged != tt.lines || (tt.lines && !strings.HasPrefix(lines[5], "14:41:14.900617 IP 127.0.0.1.9102 > ")) {
				t.Errorf("lines %q", lines)
			}
			if unbuffered != tt.reached {
				t.Errorf("read without reading ahead: %v, want %v", unbuffered, tt.reached)
			}
		})
	}
}

// TestMeasureCountsRetransmissionsWhateverTheChecks: the statistics count
// the same retransmissions with no checks, with all, and with checks of
// which none requires the sequence analysis (connection-refused).
func TestMeasureCountsRetransmissionsWhateverTheChecks(t *testing.T) {
	var refused []*rules.Check
	for _, c := range checks.All() {
		if c.ID == "connection-refused" {
			refused = append(refused, c)
		}
	}
	if len(refused) != 1 {
		t.Fatal("no check connection-refused")
	}
	resent := func(opts pipeline.Options) []int64 {
		t.Helper()
		opts.Measure = true
		res := pipeline.File(context.Background(), "../../testdata/checks/retransmission/rto.pcap", opts)
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		var n []int64
		for _, c := range res.Conns {
			s := res.ConnStats[c]
			n = append(n, s.Dirs[0].RetransSegments, s.Dirs[1].RetransSegments)
		}
		return n
	}
	want := resent(pipeline.Options{})
	if !slices.ContainsFunc(want, func(n int64) bool { return n > 0 }) {
		t.Fatalf("no retransmission counted without checks: %v", want)
	}
	for name, opts := range map[string]pipeline.Options{
		"all checks":         {Checks: checks.All()},
		"connection-refused": {Checks: refused},
		"custom rules alone": {Config: &rules.Config{}},
	} {
		if got := resent(opts); !slices.Equal(got, want) {
			t.Errorf("%s: retransmitted segments %v, want %v", name, got, want)
		}
	}
}
