package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
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
