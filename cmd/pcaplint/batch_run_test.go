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

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/render/report"
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
	res := pcaplint.Lint(ctx, ins, pcaplint.LintOptions{Checks: builtinChecks(), Workers: 2})
	read := len(ins) - len(res.Report.Skipped)
	if len(res.Report.Files) != 0 || len(res.Report.Interrupted) != read {
		t.Errorf("%d files read and %d unread after an interruption, want 0 and %d", len(res.Report.Files), len(res.Report.Interrupted), read)
	}
	if err := finish(io.Discard, res.Report, "", "", nil, nil, report.Diagnostics{Errs: res.Errs}, res.Fails(rules.Warning)); err != exitCode(exitError) {
		t.Errorf("exit %v, want 2", err)
	}
}

func TestADirectoryThatCannotBeListedIsAFailedInput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "gone")
	gone := batch.Input{Path: dir, Key: "gone", Fail: fmt.Errorf("listing %s: %w", dir, fs.ErrNotExist)} // as rules/batch lists it
	res := pcaplint.Lint(context.Background(), []batch.Input{gone}, pcaplint.LintOptions{Checks: builtinChecks(), Workers: 1})
	if len(res.Report.Files) != 1 || res.Report.Files[0].Err == nil || !strings.Contains(res.Report.Files[0].Err.Error(), "listing "+dir) {
		t.Errorf("report %+v, want one failed input saying it could not list %s", res.Report.Files, dir)
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
	res := pcaplint.Lint(context.Background(), ins, pcaplint.LintOptions{Checks: builtinChecks(), Workers: 1})
	if len(res.Report.Files) != 2 || res.Report.Files[1].Err == nil || len(res.Report.Skipped) != 0 {
		t.Fatalf("report %+v, skipped %v; want b.pcap failed", res.Report.Files, res.Report.Skipped)
	}
	if err := finish(io.Discard, res.Report, "", "", nil, nil, report.Diagnostics{Errs: res.Errs}, res.Fails(rules.Off)); err != exitCode(exitError) {
		t.Errorf("exit %v, want 2", err)
	}
}
