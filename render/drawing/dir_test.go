package drawing

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSafePathNamesEveryInputApart: inputs whose names SafeName makes
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

func TestDiagramsRefuseSymbolicLinksInsideTheDirectory(t *testing.T) {
	outside := t.TempDir()
	out := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(out, "captures")); err != nil {
		t.Fatal(err)
	}
	sink, err := OpenDir(out)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	err = sink.WriteFile("captures/a.pcap/1.svg", []byte("<svg/>"))
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("writing through a link: %v, want a refusal", err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("something was written outside: %v", entries)
	}
	if err := os.Symlink(filepath.Join(outside, "victim"), filepath.Join(out, "x.svg")); err != nil {
		t.Fatal(err)
	}
	if err := sink.WriteFile("x.svg", []byte("<svg/>")); err == nil {
		t.Error("writing a file that is a link succeeded")
	}
	if _, err := os.Stat(filepath.Join(outside, "victim")); err == nil {
		t.Error("the link's target was created")
	}
}
