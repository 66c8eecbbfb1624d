package main

import (
	"os"
	"path/filepath"
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
