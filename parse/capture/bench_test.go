package capture

import (
	"bytes"
	"io"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// BenchmarkRead measures reading and decoding; one op is one packet.
func BenchmarkRead(b *testing.B) {
	data := synthCapture(b, 100, 200)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)) / 20000)
	b.ResetTimer()
	var seg tcp.Segment
	n := 0
	for n < b.N {
		r, err := NewReader(bytes.NewReader(data), "bench")
		if err != nil {
			b.Fatal(err)
		}
		for n < b.N {
			if err := r.Next(&seg); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
}
