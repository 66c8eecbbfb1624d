package parse

import (
	"bytes"
	"compress/gzip"
	"os"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// TestCutGzipStreamIsAGzipError: a gzip file cut short is reported as
// such, not as a capture record or a text line cut short.
func TestCutGzipStreamIsAGzipError(t *testing.T) {
	for _, name := range []string{"bulk.pcap", "bulk.txt"} {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile("../testdata/captures/real/" + name)
			if err != nil {
				t.Skip(err)
			}
			var z bytes.Buffer
			zw := gzip.NewWriter(&z)
			zw.Write(raw)
			zw.Close()
			cut := z.Bytes()[:z.Len()/2]
			src, err := Open(bytes.NewReader(cut), name+".gz", Options{})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			err = Each(src, func(*tcp.Segment) { n++ })
			if err == nil || !strings.Contains(err.Error(), "gzip: the compressed stream ends before its end") {
				t.Errorf("after %d segments: %v, want the gzip stream cut short", n, err)
			}
			if n == 0 {
				t.Error("nothing read before the cut")
			}
		})
	}
}
