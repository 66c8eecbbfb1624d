package checks

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// keeper keeps every connection that ends.
type keeper struct{ conns []*rules.Conn }

func (*keeper) Segment(*rules.Conn, rules.Dir, *tcp.Segment, bool) {}
func (k *keeper) End(c *rules.Conn, _ rules.EndReason)             { k.conns = append(k.conns, c) }

// report is what a run gives, in lines to compare: the findings with
// their connection's ID, then the connections.
func report(fs []rules.Finding, conns []*rules.Conn) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s:%d:%d %s %s %q conn %d %s-%s", f.Pos.File, f.Pos.Line, f.Pos.Packet,
			f.Severity, f.Rule, f.Message, f.Conn.ID, f.Conn.Client, f.Conn.Server))
	}
	slices.SortFunc(conns, func(a, b *rules.Conn) int { return a.ID - b.ID })
	for _, c := range conns {
		out = append(out, fmt.Sprintf("conn %d %s-%s %d/%d packets %s %s reused=%v", c.ID, c.Client, c.Server,
			c.Sides[0].Packets, c.Sides[1].Packets, c.History(), c.ZeekState(), c.Reused))
	}
	return out
}

// runSequential lints path with one tracker.
func runSequential(t *testing.T, path string, cfg *rules.Config, maxPerRule int) []string {
	t.Helper()
	src, closer, err := parse.OpenFile(path, parse.Options{Checksums: true})
	if err != nil {
		return []string{err.Error()}
	}
	defer closer.Close()
	eng, err := rules.NewEngine(All(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	eng.MaxPerRule = maxPerRule
	k := &keeper{}
	tr := rules.NewTracker(eng, k)
	err = parse.Each(src, func(seg *tcp.Segment) { tr.Add(seg) })
	tr.Flush()
	return append(report(eng.Findings(), k.conns), fmt.Sprint("error ", err))
}

// runLanes lints path with n lanes.
func runLanes(t *testing.T, path string, cfg *rules.Config, maxPerRule, n int) []string {
	t.Helper()
	src, closer, err := parse.OpenFile(path, parse.Options{Checksums: true})
	if err != nil {
		return []string{err.Error()}
	}
	defer closer.Close()
	var keepers []*keeper
	sh := rules.NewLanes(n, func(int) (*rules.Tracker, *rules.Engine) {
		eng, err := rules.NewEngine(All(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		eng.MaxPerRule = maxPerRule
		k := &keeper{}
		keepers = append(keepers, k)
		return rules.NewTracker(eng, k), eng
	})
	err = sh.Run(src)
	var conns []*rules.Conn
	for _, k := range keepers {
		conns = append(conns, k.conns...)
	}
	sh.Number(conns, nil)
	return append(report(sh.Findings(), conns), fmt.Sprint("error ", err))
}

// laneInputs are every capture and tcpdump log in testdata.
func laneInputs(t *testing.T) []string {
	var out []string
	for _, pattern := range []string{"checks/*/*.pcap", "checks/*/*.txt", "captures/*/*.pcap", "captures/*/*.pcapng", "captures/*/*.txt"} {
		m, err := filepath.Glob(filepath.Join("..", "..", "testdata", pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m {
			if !strings.HasSuffix(p, "expect.txt") {
				out = append(out, p)
			}
		}
	}
	if len(out) < 50 {
		t.Fatalf("only %d inputs under testdata", len(out))
	}
	return out
}

func TestLanesReportAsOneTracker(t *testing.T) {
	cfg := allAtInfo(nil)
	for _, path := range laneInputs(t) {
		for _, maxPerRule := range []int{0, 2} {
			want := runSequential(t, path, cfg, maxPerRule)
			for _, n := range []int{1, 2, 3, rules.DefaultLanes} {
				got := runLanes(t, path, cfg, maxPerRule, n)
				if d := firstDifference(got, want); d != "" {
					t.Errorf("%s, %d lanes, max per rule %d: %s", path, n, maxPerRule, d)
				}
			}
		}
	}
}

// firstDifference describes the first line where got and want differ, or
// returns "" when they are the same.
func firstDifference(got, want []string) string {
	for i := range max(len(got), len(want)) {
		g, w := "(none)", "(none)"
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, g, w)
		}
	}
	return ""
}
