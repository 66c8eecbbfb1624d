package capture

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

var writeSeeds = flag.Bool("seeds", false, "rewrite the committed fuzz seed corpus")

// FuzzReader feeds arbitrary bytes to the capture reader: it must never
// panic, never allocate beyond its bounds, and always terminate.
func FuzzReader(f *testing.F) {
	f.Add(synthCapture(f, 2, 6))
	f.Fuzz(func(t *testing.T, data []byte) { readToEnd(t, data) })
}

// readToEnd reads data as a capture to its end, which must come as io.EOF
// or one fatal problem, after at most one record per byte.
func readToEnd(t *testing.T, data []byte) {
	r, err := NewReader(bytes.NewReader(data), "fuzz")
	if err != nil {
		return
	}
	var seg tcp.Segment
	for i := 0; i <= len(data); i++ { // every record takes at least one byte
		if err := r.Next(&seg); err != nil {
			if err != io.EOF && !isFatal(err) {
				t.Fatalf("Next returned a non-fatal error: %v", err)
			}
			return
		}
	}
	t.Fatalf("Next did not stop after %d records of %d bytes", len(data)+1, len(data))
}

func isFatal(err error) bool {
	p, ok := err.(tcp.Problem)
	return ok && p.Fatal
}

// TestWriteFuzzSeeds refreshes testdata/fuzz/FuzzReader from the synthetic
// capture and the real loopback capture (go test -run WriteFuzzSeeds -seeds).
func TestWriteFuzzSeeds(t *testing.T) {
	if !*writeSeeds {
		t.Skip("run with -seeds to rewrite the seed corpus")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzReader")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	seeds := map[string][]byte{"synthetic-ethernet": synthCapture(t, 2, 6)}
	if b, err := os.ReadFile(loopbackCapture); err == nil {
		seeds["loopback-sll2"] = b
		seeds["loopback-sll2-cut"] = b[:len(b)-30]
	}
	for name, b := range seeds {
		content := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
