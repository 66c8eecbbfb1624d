package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/batch"
)

func TestAnInterruptedBatchStartsNoMoreInputs(t *testing.T) {
	root, _ := makeTree(t, 50)
	ins, _, err := batch.Expand([]string{root}, batch.Filters{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b := &batchRun{workers: 2, meter: noMeter{}, newEngine: func() (*rules.Engine, error) { return rules.NewEngine(builtinChecks(), nil) }}
	res := b.lint(ctx, ins, io.Discard)
	read := len(ins) - len(res.rep.Skipped)
	if len(res.rep.Files) != 0 || len(res.rep.Interrupted) != read {
		t.Errorf("%d files read and %d unread after an interruption, want 0 and %d", len(res.rep.Files), len(res.rep.Interrupted), read)
	}
	if err := res.exit(io.Discard, rules.Warning); err != exitCode(exitError) {
		t.Errorf("exit %v, want 2", err)
	}
}

func TestADirectoryThatCannotBeListedIsAFailedInput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "gone")
	gone := batch.Input{Path: dir, Key: "gone", Fail: fmt.Errorf("listing %s: %w", dir, fs.ErrNotExist)} // as rules/batch lists it
	b := &batchRun{workers: 1, meter: noMeter{}, newEngine: func() (*rules.Engine, error) { return rules.NewEngine(builtinChecks(), nil) }}
	res := b.lint(context.Background(), []batch.Input{gone}, io.Discard)
	if len(res.rep.Files) != 1 || res.rep.Files[0].Err == nil || !strings.Contains(res.rep.Files[0].Err.Error(), "listing "+dir) {
		t.Errorf("report %+v, want one failed input saying it could not list %s", res.rep.Files, dir)
	}
}

// TestAFileOfADirectoryThatCannotBeReadIsAFailedInput: a file found in a
// directory that cannot be opened when its turn comes (here removed after
// the walk; a file without read permission fails the same way) is an
// input error, exit 2, not a skip.
func TestAFileOfADirectoryThatCannotBeReadIsAFailedInput(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.pcap", "b.pcap"} {
		if err := os.WriteFile(filepath.Join(dir, name), craft(t, "ethernet.pcap"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ins, _, err := batch.Expand([]string{dir}, batch.Filters{})
	if err != nil || len(ins) != 2 {
		t.Fatalf("%d inputs, %v", len(ins), err)
	}
	os.Remove(filepath.Join(dir, "b.pcap"))
	b := &batchRun{workers: 1, meter: noMeter{}, newEngine: func() (*rules.Engine, error) { return rules.NewEngine(builtinChecks(), nil) }}
	res := b.lint(context.Background(), ins, io.Discard)
	if len(res.rep.Files) != 2 || res.rep.Files[1].Err == nil || len(res.rep.Skipped) != 0 {
		t.Fatalf("report %+v, skipped %v; want b.pcap failed", res.rep.Files, res.rep.Skipped)
	}
	if err := res.exit(io.Discard, rules.Off); err != exitCode(exitError) {
		t.Errorf("exit %v, want 2", err)
	}
}
