package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

func TestAnInterruptedBatchStartsNoMoreInputs(t *testing.T) {
	root, _ := makeTree(t, 50)
	ins, _, err := expandInputs([]string{root}, filters{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b := &batch{workers: 2, meter: noMeter{}, newEngine: func() (*rules.Engine, error) { return rules.NewEngine(builtinChecks(), nil) }}
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
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(dir) // root reads any directory; a vanished one cannot be listed
	w := &walker{root: dir, visited: map[fileID]string{}}
	w.walk(dir, st)
	b := &batch{workers: 1, meter: noMeter{}, newEngine: func() (*rules.Engine, error) { return rules.NewEngine(builtinChecks(), nil) }}
	res := b.lint(context.Background(), w.found, io.Discard)
	if len(res.rep.Files) != 1 || res.rep.Files[0].Err == nil || !strings.Contains(res.rep.Files[0].Err.Error(), "listing "+dir) {
		t.Errorf("report %+v, want one failed input saying it could not list %s", res.rep.Files, dir)
	}
}
