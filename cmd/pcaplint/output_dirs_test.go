package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputDirectoriesAreMade: -o names a file or a directory that need
// not exist yet, as README's "-o slides/conn1.png" does; the directory
// is made, and the drawings land in it under their own names.
func TestOutputDirectoriesAreMade(t *testing.T) {
	tests := []struct {
		name  string
		args  []string // -o's argument is joined to a fresh directory
		out   string
		wants []string // files that must exist afterwards
	}{
		{"diagram pages into a missing directory", []string{"diagram", loopbackCapture, "--conn", "1", "--max-rows", "0", "--page", "4"}, "slides/conn1.png",
			[]string{"slides/conn1-1.png", "slides/conn1-2.png"}},
		{"a diagram into a missing directory", []string{"diagram", loopbackCapture}, "a/b/conn.svg", []string{"a/b/conn.svg"}},
		{"a diagram per connection into a missing directory", []string{"diagram", loopbackCapture}, "a/b/",
			[]string{"a/b/1-127.0.0.1_56198-127.0.0.1_9502.svg"}},
		{"pages per connection into a missing directory", []string{"diagram", loopbackCapture, "--page", "4"}, "p/",
			[]string{"p/1-127.0.0.1_56198-127.0.0.1_9502-1.svg"}},
		{"a graph into a missing directory", []string{"graph", loopbackCapture}, "g/tsg.svg", []string{"g/tsg.svg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, filepath.FromSlash(tt.out))
			if tt.out[len(tt.out)-1] == '/' {
				out += string(filepath.Separator)
			}
			code, _, stderr := runCmd(t, stubChecks(), append(tt.args, "-o", out)...)
			if code != exitClean {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			for _, w := range tt.wants {
				if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(w))); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// TestAPageThatCannotBeWrittenIsNamedOnce: the error of a page names its
// file once ("pcaplint: error: DIR/conn-1.svg: is a directory"), where
// it was named twice, the second time by the temporary file's name.
func TestAPageThatCannotBeWrittenIsNamedOnce(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "conn-1.svg"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, stubChecks(), "diagram", loopbackCapture, "--page", "4", "-o", filepath.Join(dir, "conn.svg"))
	want := "pcaplint: error: " + filepath.Join(dir, "conn-1.svg") + ": is a directory\n"
	if code != exitError || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr %q, want it to start %q", code, stderr, want)
	}
}

// TestADirectoryThatCannotBeMadeNamesTheFile: when -o's directory cannot
// be made (a file stands in its way), the error names the drawing asked
// for, not only the directory ("mkdir DIR/file: not a directory").
func TestADirectoryThatCannotBeMadeNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"diagram", loopbackCapture, "-o", filepath.Join(dir, "file", "sub", "conn.svg")},
		{"graph", loopbackCapture, "-o", filepath.Join(dir, "file", "sub", "conn.svg")},
		{"diagram", loopbackCapture, "--page", "40", "-o", filepath.Join(dir, "file", "sub", "conn.svg")},
	} {
		code, _, stderr := runCmd(t, stubChecks(), args...)
		want := filepath.Join(dir, "file", "sub", "conn")
		if code != exitError || !strings.Contains(stderr, want) || !strings.Contains(stderr, "not a directory") {
			t.Errorf("%s: exit %d, stderr %q; want it to name %s", args[0], code, stderr, want)
		}
	}
}
