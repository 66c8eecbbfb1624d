package pcaplint

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pcaplint/pcaplint/bench/synflood/flood"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

// TestSpooledConnectionsPrintAsKept reads inputs with their connections
// kept in memory and spooled, in memory and on disk, on one tracker and on
// several: the JSON is the same, and the spool's files are gone after.
func TestSpooledConnectionsPrintAsKept(t *testing.T) {
	flood := synFlood(t, 3_000)
	ctx := context.Background()
	for _, path := range []string{loopback, flood, "testdata/captures/real/rst-abort.txt"} {
		kept, _ := ReadFile(ctx, path, ReadOptions{Options: pipeline.Options{Lanes: true}})
		want := connsJSON(t, kept)
		for _, memory := range []int{1 << 20, 200} {
			old := spoolMemory
			spoolMemory = memory
			t.Cleanup(func() { spoolMemory = old })
			for name, f := range map[string]report.File{
				"in lanes": spooled(path, true),
				"single":   spooled(path, false),
			} {
				if f.Spool == nil || f.Spool.Len() != kept.ConnCount {
					t.Fatalf("%s, %s, %d bytes in memory: no spool of %d connections", path, name, memory, kept.ConnCount)
				}
				if got := connsJSON(t, f); got != want {
					t.Errorf("%s, %s, %d bytes in memory: the spooled JSON differs:\n%.2000s\nwant\n%.2000s", path, name, memory, got, want)
				}
				sp := f.Spool.(*connSpool)
				var files []string
				for _, p := range sp.parts {
					if name := p.data.File(); name != "" {
						files = append(files, name)
					}
				}
				if memory == 200 && len(files) == 0 {
					t.Errorf("%s, %s: nothing was spooled to disk", path, name)
				}
				sp.Close()
				for _, name := range files {
					if _, err := os.Stat(name); !os.IsNotExist(err) {
						t.Errorf("%s is left behind", name)
					}
				}
			}
		}
	}
}

// loopback is a real capture: a request, a response, a four-way close.
const loopback = "render/diagram/internal/fixture/testdata/loopback-9502-any.pcap"

// spooled reads path with its connections spooled.
func spooled(path string, laned bool) report.File {
	f, _ := ReadFile(context.Background(), path, ReadOptions{Options: pipeline.Options{Lanes: laned}, Spool: true})
	return f
}

// synFlood writes a capture of n unanswered SYNs, each from its own
// endpoint, and returns its path.
func synFlood(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "flood.pcap")
	if err := flood.WriteFile(path, n); err != nil {
		t.Fatal(err)
	}
	return path
}

func connsJSON(t *testing.T, f report.File) string {
	t.Helper()
	var b bytes.Buffer
	if err := report.WriteConnsJSON(&b, &report.Report{Files: []report.File{f}}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The statistics of connections kept whole (the table) and spooled (JSON)
// print the same, on one tracker and on several.
func TestConnsStatsSpooledAsKept(t *testing.T) {
	for _, path := range []string{"testdata/captures/real/parallel.pcap", "testdata/captures/real/zero-window.txt"} {
		measured := pipeline.Options{Lanes: true, Measure: true}
		kept, _ := ReadFile(context.Background(), path, ReadOptions{Options: measured})
		spooled, _ := ReadFile(context.Background(), path, ReadOptions{Options: measured, Spool: true})
		defer CloseSpool(&spooled)
		if len(kept.ConnStats) != kept.ConnCount || kept.ConnCount == 0 {
			t.Fatalf("%s: statistics of %d connections of %d", path, len(kept.ConnStats), kept.ConnCount)
		}
		if got, want := connsJSON(t, spooled), connsJSON(t, kept); got != want {
			t.Errorf("%s: the spooled statistics differ:\n%.3000s\nwant\n%.3000s", path, got, want)
		}
	}
}

// JUnit names every connection and the conns table lists them: read with
// the connections' brief form spooled (SpoolBrief), in memory and on disk,
// on one tracker and on several, both print the same as with the
// connections kept.
func TestSpooledBriefPrintsAsKept(t *testing.T) {
	flood := synFlood(t, 3_000)
	lint := pipeline.Options{NewEngine: func() (*rules.Engine, error) { return rules.NewEngine(checks.All(), nil) }}
	junit := func(f report.File) string {
		var b bytes.Buffer
		r := &report.Report{Files: []report.File{f}}
		if err := (report.JUnit{FailOn: rules.Warning}).Print(&b, r); err != nil {
			t.Fatal(err)
		}
		if err := report.WriteConnsTable(&b, r); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	findings := 0
	for _, path := range []string{loopback, flood, "testdata/captures/real/rst-abort.txt"} {
		opts := lint
		kept, _ := ReadFile(context.Background(), path, ReadOptions{Options: opts})
		want := junit(kept)
		findings += len(kept.Findings)
		for _, memory := range []int{1 << 20, 200} {
			old := spoolMemory
			spoolMemory = memory
			t.Cleanup(func() { spoolMemory = old })
			for _, laned := range []bool{true, false} {
				opts := lint
				opts.Lanes = laned
				f, _ := ReadFile(context.Background(), path, ReadOptions{Options: opts, SpoolBrief: true})
				if f.Spool == nil || f.Spool.Len() != kept.ConnCount || len(f.Conns) != 0 {
					t.Fatalf("%s, in lanes %v: %d connections kept and no spool of %d", path, laned, len(f.Conns), kept.ConnCount)
				}
				if got := junit(f); got != want {
					t.Errorf("%s, in lanes %v, %d bytes in memory: the JUnit and table of the spooled connections differ:\n%.2000s\nwant\n%.2000s", path, laned, memory, got, want)
				}
				CloseSpool(&f)
			}
		}
	}
	if findings == 0 {
		t.Error("no finding to place in a case")
	}
}
