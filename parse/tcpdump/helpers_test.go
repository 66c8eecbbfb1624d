package tcpdump

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// readAll reads every segment of text; err is the first non-EOF error.
func readAll(text string, opts Options) ([]tcp.Segment, *tcp.Stats, error) {
	return readFrom(strings.NewReader(text), "test.txt", opts)
}

func readFrom(in io.Reader, name string, opts Options) ([]tcp.Segment, *tcp.Stats, error) {
	r := NewReader(in, name, opts)
	var segs []tcp.Segment
	for {
		var s tcp.Segment
		err := r.Next(&s)
		if errors.Is(err, io.EOF) {
			return segs, r.Stats(), nil
		}
		if err != nil {
			return segs, r.Stats(), err
		}
		segs = append(segs, s)
	}
}

// mustRead reads text and fails the test on a fatal error or a problem.
func mustRead(t *testing.T, text string, opts Options) ([]tcp.Segment, *tcp.Stats) {
	t.Helper()
	segs, st, err := readAll(text, opts)
	if err != nil {
		t.Fatalf("reading: %v", err)
	}
	for _, p := range st.Problems {
		t.Errorf("problem: %v", p)
	}
	return segs, st
}

// realCapture reads a file of testdata/captures/real: a real recording or
// tcpdump's text of one.
func realCapture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../testdata/captures/real/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
