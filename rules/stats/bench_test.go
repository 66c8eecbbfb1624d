package stats

import (
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// BenchmarkObserver measures the statistics of a long bulk transfer, a
// segment per op: after the first connection's first segments, nothing
// is allocated per segment (allocs/op 0).
func BenchmarkObserver(b *testing.B) {
	o := NewObserver()
	tr := rules.NewTracker(o)
	seg := func(i int) *tcp.Segment {
		k := uint32(i / 2)
		st := step{float64(i) * 0.01, c, psh, 1 + 1448*k, 1 + 1448*(k+1), 1, 1000, k + 1, k}
		if i%2 == 1 {
			st = step{float64(i) * 0.01, s, ack, 1, 1, 1 + 1448*(k+1), 1000, k + 1, k + 1}
		}
		sg := segmentOf(i, st)
		sg.Src, sg.Dst = tcp.Endpoint{Port: 40000}, tcp.Endpoint{Port: 80}
		if st.d == s {
			sg.Src, sg.Dst = sg.Dst, sg.Src
		}
		return sg
	}
	segs := make([]*tcp.Segment, 4096)
	for i := range segs {
		segs[i] = seg(i)
	}
	for i := 0; i < 128; i++ {
		tr.Add(segs[i]) // the connection and its first samples
	}
	b.ReportAllocs()
	b.ResetTimer()
	s := new(tcp.Segment)
	for i := 0; i < b.N; i++ {
		j := 128 + i%(len(segs)-128)
		*s = *segs[j]
		off := uint32(i/(len(segs)-128)) * 1448 * 2048
		s.Seq += off
		s.Ack += off
		tr.Add(s)
	}
}
