package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/drawing"
)

func TestDiagramsLandUnderTheDirectoryOnly(t *testing.T) {
	root, _ := makeTree(t, 3)
	out := filepath.Join(t.TempDir(), "out")
	code, _, errOut := runCmd(t, builtinChecks(), "lint", "--fail-on", "never", "--diagrams-dir", out, root)
	if code != exitError { // the truncated capture
		t.Errorf("exit %d, want 2; stderr:\n%s", code, errOut)
	}
	var svgs []string
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&os.ModeSymlink != 0 {
			t.Errorf("%s is a symbolic link", p)
		}
		if !d.IsDir() {
			svgs = append(svgs, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Four inputs have findings, one connection each: its diagram and,
	// beside it, its time-sequence graph.
	dir := filepath.Join(out, filepath.FromSlash(drawing.InputDir(root)), "nested", "crlf.txt")
	want := []string{filepath.Join(dir, "1-192.0.2.1_51000-198.51.100.2_80.svg"), filepath.Join(dir, "1-192.0.2.1_51000-198.51.100.2_80.tsg.svg")}
	if len(svgs) != 8 || !slices.Contains(svgs, want[0]) || !slices.Contains(svgs, want[1]) {
		t.Errorf("diagrams and graphs written: %q, want 8 with %q", svgs, want)
	}
	for _, p := range svgs {
		if b, err := os.ReadFile(p); err != nil || !bytes.HasPrefix(b, []byte("<svg")) && !bytes.HasPrefix(b, []byte("<?xml")) {
			t.Errorf("%s is not an SVG: %.40q (%v)", p, b, err)
		}
	}
}

// TestGraphRefusesASymbolicLinkInItsPlace puts a link where a connection's
// graph goes: the graph is not written through it, and lint says so.
func TestGraphRefusesASymbolicLinkInItsPlace(t *testing.T) {
	input := filepath.Join(t.TempDir(), "retransmission.pcap")
	if err := os.WriteFile(input, craft(t, "check-retransmission.pcap"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, outside := t.TempDir(), t.TempDir()
	dir := filepath.Join(out, filepath.FromSlash(drawing.InputDir(input)))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "victim"), filepath.Join(dir, "1-192.0.2.1_51000-198.51.100.2_80.tsg.svg")); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd(t, builtinChecks(), "lint", "--fail-on", "never", "--diagrams-dir", out, input)
	if code != exitError || !strings.Contains(errOut, ".tsg.svg") {
		t.Errorf("exit %d, want 2 and the graph named; stderr:\n%s", code, errOut)
	}
	if _, err := os.Lstat(filepath.Join(outside, "victim")); err == nil {
		t.Error("the link's target was created")
	}
}
