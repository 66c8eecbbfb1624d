package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGraphDrawsEachKind(t *testing.T) {
	dir := t.TempDir()
	for _, kind := range []string{"tsg", "throughput", "rtt", "window"} {
		code, out, stderr := runCmd(t, stubChecks(), "graph", "--kind", kind, "--rules", "default", loopback)
		if code != 0 || !strings.HasPrefix(out, "<?xml") || !strings.Contains(out, "</svg>") {
			t.Errorf("graph --kind %s: exit %d, stderr %q, output starts %.40q", kind, code, stderr, out)
		}
	}
	pngOut := filepath.Join(dir, "g.png")
	if code, _, stderr := runCmd(t, stubChecks(), "graph", "--theme", "dark", "-o", pngOut, loopback); code != 0 {
		t.Fatalf("graph -o g.png: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(pngOut)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Errorf("g.png: %v", err)
	}
}

func TestGraphRefusesWhatItCannotDraw(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--kind", "pie", loopback}, `unknown graph "pie"`},
		{[]string{"--dir", "up", loopback}, `unknown direction "up"`},
		{[]string{"--format", "dot", loopback}, "--format must be svg or png"},
		{[]string{"--conn", "99", loopback}, "no TCP connection matches --conn"},
		{[]string{"../../testdata/captures/real/parallel.pcap"}, "give -o DIR/ for one file each"},
		{[]string{"../../testdata/does-not-exist.pcap"}, "does-not-exist"},
		{[]string{"--format", "png", "--max-pixels", "1000", loopback}, "is more than the limit of 1,000 pixels (--max-pixels)"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, stubChecks(), append([]string{"graph"}, tt.args...)...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("graph %v: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
}

func TestGraphWritesOneFilePerConnection(t *testing.T) {
	dir := t.TempDir() + "/"
	code, _, stderr := runCmd(t, stubChecks(), "graph", "-o", dir, "../../testdata/captures/real/parallel.pcap")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.svg"))
	if len(files) < 2 {
		t.Errorf("%d graphs written, want one per connection", len(files))
	}
}

func TestGraphIsCompleted(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"__complete", ""}, "graph\t"},
		{[]string{"__complete", "graph", "--kind", ""}, "throughput"},
		{[]string{"__complete", "graph", "--dir", ""}, "both"},
	}
	for _, tt := range tests {
		_, out, _ := runCmd(t, stubChecks(), tt.args...)
		if !strings.Contains(out, tt.want) {
			t.Errorf("%v: no %q in %q", tt.args, tt.want, out)
		}
	}
}
