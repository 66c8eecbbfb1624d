package tcpdump

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// longLine is a reader of head, then n bytes of 'x', then tail: a line of
// any length without holding it in memory.
type longLine struct {
	head, tail string
	n          int64
}

func (l *longLine) Read(p []byte) (int, error) {
	switch {
	case l.head != "":
		k := copy(p, l.head)
		l.head = l.head[k:]
		return k, nil
	case l.n > 0:
		k := int(min(int64(len(p)), l.n))
		for i := range k {
			p[i] = 'x'
		}
		l.n -= int64(k)
		return k, nil
	case l.tail != "":
		k := copy(p, l.tail)
		l.tail = l.tail[k:]
		return k, nil
	}
	return 0, io.EOF
}

// A 100 MB line is skipped with a warning at its line, the lines around
// it still read, and reading it costs what MaxLine allows, not 100 MB.
func TestHundredMegabyteLineIsRefusedCleanly(t *testing.T) {
	const seg = "IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S], seq 1, win 5, length 0\n"
	tests := []struct {
		name     string
		in       *longLine
		segments int
		line     int // of the problem
	}{
		{"between two packet lines", &longLine{head: seg, n: 100 << 20, tail: "\n" + seg}, 2, 2},
		{"at the end, without a newline", &longLine{head: seg, n: 100 << 20}, 1, 2},
		{"a packet line grown long", &longLine{head: strings.TrimSuffix(seg, "\n") + " ", n: 100 << 20, tail: "\n" + seg}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			r := NewReader(tt.in, "long.txt", Options{})
			var seg tcp.Segment
			n := 0
			var err error
			for err = r.Next(&seg); err == nil; err = r.Next(&seg) {
				n++
			}
			runtime.ReadMemStats(&after)
			if !errors.Is(err, io.EOF) {
				t.Fatalf("reading ended with %v", err)
			}
			st := r.Stats()
			if n != tt.segments || st.Malformed != 1 || len(st.Problems) != 1 {
				t.Errorf("%d segments, stats %+v", n, *st)
			}
			if st.Problems[0].Pos.Line != tt.line {
				t.Errorf("problem at line %d, want %d", st.Problems[0].Pos.Line, tt.line)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8*MaxLine {
				t.Errorf("allocated %d bytes for a 100 MB line", alloc)
			}
		})
	}
}
