package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const loopback = "../../render/diagram/internal/fixture/testdata/loopback-9502-any.pcap"

func TestDiagramCommandWritesEachFormat(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{"svg", "png", "dot", "mmd", "puml"} {
		out := filepath.Join(dir, "lo."+ext)
		if code := run([]string{"diagram", loopback, "-o", out}); code != 0 {
			t.Fatalf("diagram -o %s: exit %d", out, code)
		}
		b, err := os.ReadFile(out)
		if err != nil || len(b) == 0 {
			t.Fatalf("%s: %v, %d bytes", out, err, len(b))
		}
		if ext == "png" {
			if _, err := png.Decode(bytes.NewReader(b)); err != nil {
				t.Errorf("the PNG does not decode: %v", err)
			}
		}
	}
	if code := run([]string{"diagram", loopback, "-o", dir + "/per-conn/"}); code != 0 {
		t.Fatalf("diagram -o DIR/: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "per-conn", "1-127.0.0.1_56198-127.0.0.1_9502.svg")); err != nil {
		t.Error(err)
	}
	if code := run([]string{"diagram", loopback, "--filter", "port 1"}); code != exitError {
		t.Errorf("a filter matching nothing exits %d, want %d", code, exitError)
	}
}

func TestABrokenCaptureIsDrawnUpToTheBreak(t *testing.T) {
	b, err := os.ReadFile(loopback)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.pcap")
	if err := os.WriteFile(cut, b[:700], 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "cut.mmd")
	if code := run([]string{"diagram", cut, "-o", out}); code != exitError {
		t.Errorf("exit %d, want %d for a broken input", code, exitError)
	}
	if got, _ := os.ReadFile(out); !strings.Contains(string(got), "->>") {
		t.Error("nothing drawn of what was read before the break")
	}
}

func TestDiagramPagesAreFilesOfTheirOwn(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "lo.svg")
	if code := run([]string{"diagram", loopback, "--page", "4", "-o", out}); code != 0 {
		t.Fatalf("--page 4 -o %s: exit %d", out, code)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "lo-*.svg"))
	if len(pages) < 2 {
		t.Fatalf("%d pages written, want several: %v", len(pages), pages)
	}
	first, _ := os.ReadFile(filepath.Join(dir, "lo-1.svg"))
	second, _ := os.ReadFile(filepath.Join(dir, "lo-2.svg"))
	if !strings.Contains(string(first), "continued on page 2") || !strings.Contains(string(second), "continued from page 1") {
		t.Error("pages 1 and 2 lack their continued marks")
	}
	for _, args := range [][]string{
		{"diagram", loopback, "--page", "4"},                                       // standard output
		{"diagram", loopback, "--page", "4", "-o", filepath.Join(dir, "lo.mmd")},   // a text format
		{"diagram", loopback, "--page", "-1", "-o", filepath.Join(dir, "neg.svg")}, // a negative count
		{"diagram", loopback, "-o", filepath.Join(dir, "lo.jpg")},                  // an unknown extension
	} {
		if code := run(args); code != exitError {
			t.Errorf("%v: exit %d, want %d", args, code, exitError)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "lo.jpg")); err == nil {
		t.Error("-o lo.jpg wrote a file")
	}
}

func TestDashOutputIsStandardOutput(t *testing.T) {
	capture, err := filepath.Abs(loopback)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	for _, args := range [][]string{
		{"diagram", capture, "-f", "mermaid", "-o", "-"},
		{"graph", capture, "-o", "-"},
	} {
		if code := run(args); code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		if _, err := os.Stat("-"); err == nil {
			t.Fatalf("%v wrote a file named -", args)
		}
	}
}
