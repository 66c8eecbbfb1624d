package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render/report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test ./render/report -update and review the diff):\n%s", path, got)
	}
}

func print(t *testing.T, format string, o Options, r *Report) []byte {
	t.Helper()
	p, err := New(format, o)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.Print(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPrintersMatchTheirGoldenFiles(t *testing.T) {
	o := Options{FailOn: rules.Warning, Checks: sampleChecks(), Version: "v0.0.0-test"}
	tests := []struct {
		format, golden string
		opts           Options
	}{
		{"text", "text.golden", o},
		{"json", "json.golden", o},
		{"sarif", "sarif.golden", o},
		{"junit", "junit.golden", o},
		{"github", "github.golden", o},
		{"markdown", "markdown.golden", o},
		{"text", "text-color.golden", Options{Color: true}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			golden(t, tt.golden, print(t, tt.format, tt.opts, sampleReport()))
		})
	}
}

func TestTheTextSummaryOfACleanRun(t *testing.T) {
	r := &Report{Files: []File{{Path: "a.pcap", Conns: sampleReport().Files[0].Conns}}}
	got := string(print(t, "text", Options{}, r))
	if want := "0 findings in 1 input, 1 connection\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New("xml", Options{}); err == nil {
		t.Error("no error")
	}
}
