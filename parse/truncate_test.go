package parse

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// cutsPerFile is how many places every test input is cut at.
const cutsPerFile = 50

// testInputs are the captures and tcpdump logs under testdata, but the
// ones broken on purpose, and not the recordings of testdata/oracle, which
// are tools' outputs with headers of their own, not inputs.
func testInputs(t *testing.T) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir("../testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && path == filepath.Join("..", "testdata", "oracle") {
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() {
			return err
		}
		name := d.Name()
		if (strings.Contains(name, ".pcap") || strings.HasSuffix(name, ".txt")) && !strings.HasPrefix(name, "broken-") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 100 {
		t.Fatalf("found only %d test inputs", len(paths))
	}
	return paths
}

// cuts are the lengths an input of n bytes is cut to: spread evenly,
// deterministic, never 0 or n.
func cuts(n int) []int {
	var out []int
	for k := 1; k <= cutsPerFile; k++ {
		c := int(int64(n) * int64(k) / (cutsPerFile + 1))
		if c > 0 && c < n && (len(out) == 0 || out[len(out)-1] != c) {
			out = append(out, c)
		}
	}
	return out
}

// readCut reads data to its end and returns the segments and the error
// that ended it (io.EOF at a clean end).
func readCut(t *testing.T, name string, data []byte) ([]tcp.Segment, *tcp.Stats, error) {
	t.Helper()
	src, err := Open(bytes.NewReader(data), name, Options{})
	if err != nil {
		return nil, nil, err
	}
	var segs []tcp.Segment
	for {
		var seg tcp.Segment
		err := src.Next(&seg)
		if err != nil {
			return segs, src.Stats(), err
		}
		segs = append(segs, seg)
		if len(segs) > len(data) {
			t.Fatalf("%d segments from %d bytes", len(segs), len(data))
		}
	}
}

// sameSegment compares what a cut must not change about a segment.
func sameSegment(a, b *tcp.Segment) bool {
	pa, pb := a.Pos, b.Pos
	pa.File, pb.File = "", ""
	return pa == pb && a.Seq == b.Seq && a.Ack == b.Ack && a.Flags == b.Flags && a.Src == b.Src && a.Dst == b.Dst
}

// Every input cut anywhere reads up to the cut: the segments before it as
// in the whole input, then io.EOF or one fatal problem naming the input
// and where it broke. A text line cut mid-way may parse differently or be
// a malformed-line warning, but never ends the reading.
func TestEveryInputCutAnywhereReadsUpToTheCut(t *testing.T) {
	for _, path := range testInputs(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		whole, _, err := readCut(t, path, data)
		if !errors.Is(err, io.EOF) {
			continue // not an input this reader takes whole (e.g. stderr banners)
		}
		isText := strings.HasSuffix(path, ".txt")
		zipped := strings.HasSuffix(path, ".gz")
		t.Run(path, func(t *testing.T) {
			for _, n := range cuts(len(data)) {
				name := path + ".cut"
				segs, _, err := readCut(t, name, data[:n])
				var p tcp.Problem
				switch {
				case errors.Is(err, io.EOF):
				case errors.As(err, &p) && p.Fatal && p.Pos.File == name:
					if isText {
						t.Errorf("cut at %d: text ended with %v, want io.EOF", n, err)
					}
					if !isText && (p.Pos.Packet < 1 || !strings.Contains(err.Error(), "offset")) {
						t.Errorf("cut at %d: %v names no packet and offset", n, err)
					}
				case len(segs) == 0 && err != nil && strings.HasPrefix(err.Error(), name):
					// The header itself was cut: an error naming the input.
				default:
					t.Errorf("cut at %d: error %v, want io.EOF or a fatal problem naming %s", n, err, name)
				}
				keep := len(segs)
				if isText && keep > 0 {
					keep-- // the cut line may read differently
				}
				if len(segs) > len(whole) {
					t.Fatalf("cut at %d: %d segments, the whole input has %d", n, len(segs), len(whole))
				}
				for i := range keep {
					if !sameSegment(&segs[i], &whole[i]) {
						t.Fatalf("cut at %d: segment %d differs from the whole input's", n, i)
					}
				}
				if !isText && !zipped {
					// Every record that ends before the cut was returned.
					for i := 0; i+1 < len(whole) && whole[i+1].Pos.Offset <= int64(n); i++ {
						if i >= len(segs) {
							t.Fatalf("cut at %d: %d segments, but segment %d ended before the cut", n, len(segs), i+1)
						}
					}
				}
			}
		})
	}
}
