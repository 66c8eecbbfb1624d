package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSafePathNamesEveryInputApart: inputs whose names safeName makes
// alike ("a b.pcap" and "a_b.pcap" both wrote a_b.pcap/) get directories
// of their own, the same on every run.
func TestSafePathNamesEveryInputApart(t *testing.T) {
	inputs := []string{"a b.pcap", "a_b.pcap", "a:b.pcap", "/x/a.pcap", "x/a.pcap", "../up", "up/up", "up-5ec1f7e7/up"}
	seen := map[string]string{}
	for _, in := range inputs {
		got := strings.Join(safePath(in), "/")
		if other, ok := seen[got]; ok {
			t.Errorf("%q and %q both go to %s", other, in, got)
		}
		seen[got] = in
		if again := strings.Join(safePath(in), "/"); again != got {
			t.Errorf("%q: %s, then %s", in, got, again)
		}
	}
}

func TestSafePathKeepsEveryComponentInside(t *testing.T) {
	tests := []struct {
		input string
		want  []string
	}{
		{"captures/a.pcap", []string{"captures", "a.pcap"}},
		{"/var/log/a.pcap", []string{"root-8a5edab2", "var", "log", "a.pcap"}},
		{"../../etc/passwd", []string{"up-5ec1f7e7", "up-5ec1f7e7", "etc", "passwd"}},
		{"./x/./y", []string{"x", "y"}},
		{"-", []string{"-"}},
		{".hidden/..pcap", []string{"hidden-16924190", "pcap-12b41e54"}},
		{"a b/\x1b[31mred", []string{"a_b-c8687a08", "31mred-fdd8a1d7"}},
		{"", []string{"unnamed-e3b0c442"}},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			got := safePath(tt.input)
			if !slices.Equal(got, tt.want) {
				t.Errorf("safePath(%q) = %q, want %q", tt.input, got, tt.want)
			}
			for _, p := range got {
				if p == "" || p == "." || p == ".." || strings.ContainsAny(p, `/\`) {
					t.Errorf("unsafe component %q", p)
				}
			}
		})
	}
}

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
	dir := filepath.Join(out, filepath.Join(safePath(root)...), "nested", "crlf.txt")
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
	dir := filepath.Join(out, filepath.Join(safePath(input)...))
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

func TestDiagramsRefuseSymbolicLinksInsideTheDirectory(t *testing.T) {
	outside := t.TempDir()
	out := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(out, "captures")); err != nil {
		t.Fatal(err)
	}
	sink, err := newDiagramSink(out, false)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	err = sink.writeFile("captures/a.pcap/1.svg", []byte("<svg/>"))
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("writing through a link: %v, want a refusal", err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("something was written outside: %v", entries)
	}
	if err := os.Symlink(filepath.Join(outside, "victim"), filepath.Join(out, "x.svg")); err != nil {
		t.Fatal(err)
	}
	if err := sink.writeFile("x.svg", []byte("<svg/>")); err == nil {
		t.Error("writing a file that is a link succeeded")
	}
	if _, err := os.Stat(filepath.Join(outside, "victim")); err == nil {
		t.Error("the link's target was created")
	}
}
