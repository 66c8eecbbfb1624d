package rules

import (
	"fmt"
	"net/netip"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

var (
	synText = &Texts{Key: "syn", En: "SYN", Zh: "SYN 包"}
	atText  = &Texts{Key: "at", En: "at %d", Zh: "位于 %d"}
)

// everySYN reports every SYN, at sev: a check that floods on a SYN flood.
func everySYN(id string, sev Severity, limit int) *Check {
	return &Check{ID: id, Default: sev, Limit: limit, Segment: func(p *Pass) {
		if p.Seg.Flags.Has(tcp.SYN) {
			p.Reportf(synText)
		}
	}}
}

// synFlood feeds n SYNs from distinct ports through a tracker with eng.
func synFlood(eng *Engine, n int) {
	tr := NewTracker(eng)
	dst := tcp.Endpoint{Addr: netip.MustParseAddr("192.0.2.1"), Port: 80}
	for i := range n {
		seg := tcp.Segment{Src: tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.1"), Port: uint16(1024 + i)}, Dst: dst,
			Flags: tcp.SYN, Seq: uint32(i), Known: tcp.KnownAll, Pos: tcp.Pos{File: "flood", Packet: i + 1}}
		tr.Add(&seg)
	}
	tr.Flush()
}

func TestFindingsBeyondTheLimitAreCountedInOneSummary(t *testing.T) {
	tests := []struct {
		name       string
		maxPerRule int
		limit      int
		syns       int
		wantKept   int
		wantHidden int
	}{
		{"under the default limit nothing is hidden", 0, 0, 10, 10, 0},
		{"the engine's limit keeps the first findings", 3, 0, 10, 3, 7},
		{"a check's own limit wins over the engine's", 3, 5, 10, 5, 5},
		{"a negative limit keeps everything", -1, 0, DefaultMaxPerRule + 5, DefaultMaxPerRule + 5, 0},
		{"the default limit holds a flood", 0, 0, DefaultMaxPerRule + 5, DefaultMaxPerRule, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng, err := NewEngine([]*Check{everySYN("syn", Warning, tt.limit)}, nil)
			if err != nil {
				t.Fatal(err)
			}
			eng.MaxPerRule = tt.maxPerRule
			synFlood(eng, tt.syns)
			fs := eng.Findings()
			kept, summary := 0, ""
			for _, f := range fs {
				if f.Message == "SYN" {
					kept++
				} else {
					summary = f.Message
				}
			}
			if kept != tt.wantKept {
				t.Errorf("kept %d findings, want %d", kept, tt.wantKept)
			}
			want := ""
			if tt.wantHidden > 0 {
				want = fmt.Sprintf("%d more syn findings not shown", tt.wantHidden)
			}
			if summary != want {
				t.Errorf("summary %q, want %q", summary, want)
			}
			if again := eng.Findings(); len(again) != len(fs) {
				t.Errorf("Findings again gave %d, first %d", len(again), len(fs))
			}
		})
	}
}

func TestSummaryKeepsTheRuleAndItsOwnWording(t *testing.T) {
	c := everySYN("syn", Error, 1)
	c.Summary = &Texts{Key: "syn.more", En: "%[1]d more SYNs", Zh: "另有 %[1]d 个 SYN 包"}
	eng, _ := NewEngine([]*Check{c}, nil)
	synFlood(eng, 4)
	fs := eng.Findings()
	if len(fs) != 2 {
		t.Fatalf("%d findings, want the first and a summary: %+v", len(fs), fs)
	}
	s := fs[1]
	if s.Rule != "syn" || s.Severity != Error || s.Message != "3 more SYNs" || s.Pos.Packet != 2 {
		t.Errorf("summary %+v; want rule syn, error, \"3 more SYNs\" at the first hidden packet (#2)", s)
	}
}

// bigState is check state of a test check.
type bigState [1024]byte

var bigStateKey = NewCheckState[bigState]("test: big")

func TestEndedConnectionsLetTheCheckStateGo(t *testing.T) {
	var ended []*Conn
	c := &Check{ID: "state", Default: Info, Segment: func(p *Pass) { bigStateKey.Of(p.Conn)[0] = 1 }}
	eng, _ := NewEngine([]*Check{c}, nil)
	tr := NewTracker(eng, onEnd(func(c *Conn) { ended = append(ended, c) }))
	seg := tcp.Segment{Src: tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.1"), Port: 1}, Dst: tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.2"), Port: 2},
		Flags: tcp.SYN, Known: tcp.KnownAll}
	tr.Add(&seg)
	tr.Flush()
	if len(ended) != 1 || ended[0].states != nil || bigStateKey.Peek(ended[0]) != nil {
		t.Fatalf("ended %d connections, states %v; want one without check state", len(ended), ended[0].states)
	}
}

// releasable is check state that logs when it is released.
type releasable struct{ log *[]string }

func (r *releasable) Reset() { *r.log = append(*r.log, "release"); r.log = nil }

var releasableKey = NewCheckState[releasable]("test: releasable")

func TestTheEngineReleasesCheckStateAfterEveryCheck(t *testing.T) {
	var log []string
	first := &Check{ID: "first", Default: Info,
		Segment: func(p *Pass) { releasableKey.Of(p.Conn).log = &log },
		End:     func(*Pass) { log = append(log, "first") }}
	second := &Check{ID: "second", Default: Info, End: func(p *Pass) {
		if r := releasableKey.Peek(p.Conn); r == nil || r.log != &log {
			t.Errorf("the second check's End sees state %v, want the first check's", r)
		}
		log = append(log, "second")
	}}
	eng, _ := NewEngine([]*Check{first, second}, nil)
	synFlood(eng, 1)
	if want := "first second release"; strings.Join(log, " ") != want {
		t.Errorf("calls %q, want %q", strings.Join(log, " "), want)
	}
}

// onEnd calls fn for every connection that ends.
type onEnd func(*Conn)

func (onEnd) Segment(*Conn, Dir, *tcp.Segment, bool) {}
func (r onEnd) End(c *Conn, _ EndReason)             { r(c) }

// reportAt is a check that reports every segment at the position given by
// the segment's seq: findings that come out of position order, as
// end-of-connection findings do.
func reportAt(id string, limit int) *Check {
	return &Check{ID: id, Default: Warning, Limit: limit, Segment: func(p *Pass) {
		p.Report(tcp.Pos{File: "f", Packet: int(p.Seg.Seq)}, p.Seg.Time, Say(atText, p.Seg.Seq))
	}}
}

// feedSeqs feeds one segment per seq to eng, each on its own connection.
func feedSeqs(eng *Engine, seqs []int) {
	tr := NewTracker(eng)
	for i, s := range seqs {
		seg := tcp.Segment{Src: tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.1"), Port: uint16(1024 + i)},
			Dst: tcp.Endpoint{Addr: netip.MustParseAddr("192.0.2.1"), Port: 80}, Flags: tcp.ACK, Seq: uint32(s), Known: tcp.KnownAll}
		tr.Add(&seg)
	}
}

func messages(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("#%d %s", f.Pos.Packet, f.Message))
	}
	return out
}

func TestTheEarliestFindingsAreKeptWhateverTheOrderTheyCameIn(t *testing.T) {
	tests := []struct {
		name string
		seqs []int
		want []string
	}{
		{"in order", []int{1, 2, 3, 4, 5}, []string{"#1 at 1", "#2 at 2", "#3 3 more r findings not shown"}},
		{"reversed", []int{5, 4, 3, 2, 1}, []string{"#1 at 1", "#2 at 2", "#3 3 more r findings not shown"}},
		{"shuffled", []int{4, 1, 5, 3, 2}, []string{"#1 at 1", "#2 at 2", "#3 3 more r findings not shown"}},
		{"under the limit", []int{9, 7}, []string{"#7 at 7", "#9 at 9"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng, _ := NewEngine([]*Check{reportAt("r", 2)}, nil)
			feedSeqs(eng, tt.seqs)
			if got := messages(eng.Findings()); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMergedEnginesReportAsOneEngine(t *testing.T) {
	seqs := []int{12, 3, 40, 7, 1, 25, 8, 30, 2, 19, 5, 11}
	one, _ := NewEngine([]*Check{reportAt("r", 4)}, nil)
	feedSeqs(one, seqs)
	want := messages(one.Findings())
	for split := range len(seqs) + 1 {
		a, _ := NewEngine([]*Check{reportAt("r", 4)}, nil)
		b, _ := NewEngine([]*Check{reportAt("r", 4)}, nil)
		feedSeqs(a, seqs[:split])
		feedSeqs(b, seqs[split:])
		if got := messages(MergeFindings(a, b)); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("split at %d: merged %q, want %q", split, got, want)
		}
	}
}
