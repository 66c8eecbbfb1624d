package stats

import (
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// summaryReader reads the Observer's Summary when a connection ends,
// before the Observer lets it go.
type summaryReader struct {
	o    *Observer
	sums []Summary
}

func (r *summaryReader) Segment(*rules.Conn, rules.Dir, *tcp.Segment, bool) {}
func (r *summaryReader) End(c *rules.Conn, _ rules.EndReason) {
	if s, ok := r.o.Summary(c); ok {
		r.sums = append(r.sums, s)
	}
}

// measure runs steps through a tracker with the sequence analysis and an
// Observer, and returns the Summary of the one connection.
func measure(t *testing.T, steps []step, wscale bool) Summary {
	t.Helper()
	eng, err := rules.NewEngine(checks.SequenceOnly(), nil)
	if err != nil {
		t.Fatal(err)
	}
	o := NewObserver()
	r := &summaryReader{o: o}
	tr := rules.NewTracker(r, eng, o)
	for i, st := range steps {
		seg := segmentOf(i, st)
		seg.Src, seg.Dst = tcp.Endpoint{Port: 40000}, tcp.Endpoint{Port: 80}
		if st.d == s {
			seg.Src, seg.Dst = seg.Dst, seg.Src
		}
		if wscale && st.flags&tcp.SYN != 0 {
			seg.Options.Has |= tcp.OptWScale
			seg.Options.WScale = 7
		}
		tr.Add(seg)
	}
	tr.Flush()
	if len(r.sums) != 1 || len(o.conns.live) != 0 || len(o.conns.free) != 1 {
		t.Fatalf("%d summaries, %d connections live, %d free; want 1, 0, 1", len(r.sums), len(o.conns.live), len(o.conns.free))
	}
	return r.sums[0]
}

// TestObserverFigures: bytes, unique and retransmitted bytes, goodput,
// RTT, bytes in flight, the scaled window and zero-window time of one
// connection.
func TestObserverFigures(t *testing.T) {
	steps := []step{
		{0, c, syn, 0, 1, 0, 1000, 0, 0},
		{10, s, synack, 0, 1, 1, 2000, 0, 0},
		{20, c, ack, 1, 1, 1, 100, 0, 0},
		{30, c, psh, 1, 1001, 1, 100, 0, 0},
		{31, c, psh, 1001, 2001, 1, 100, 0, 0},
		{40, s, ack, 1, 1, 1001, 0, 0, 0},
		{300, c, psh, 1001, 2001, 1, 100, 0, 0},
		{500, s, ack, 1, 1, 2001, 50, 0, 0},
		{1000, c, ack | tcp.FIN, 2001, 2002, 1, 100, 0, 0},
	}
	sum := measure(t, steps, true)
	if sum.Elapsed != time.Second {
		t.Errorf("elapsed %v, want 1s", sum.Elapsed)
	}
	cl, sv := sum.Dirs[c], sum.Dirs[s]
	if cl.Bytes != 3000 || cl.UniqueBytes != 2000 || cl.RetransSegments != 1 || cl.RetransBytes != 1000 || cl.GoodputBps != 2000 {
		t.Errorf("client bytes %d unique %d retrans %d/%d goodput %v; want 3000 2000 1/1000 2000",
			cl.Bytes, cl.UniqueBytes, cl.RetransSegments, cl.RetransBytes, cl.GoodputBps)
	}
	// RTT: the SYN (10 ms), the first segment (10 ms); the resent one none.
	if cl.RTTSamples != 2 || cl.RTTMin != 10*time.Millisecond || cl.RTTMax != 10*time.Millisecond || sv.RTTSamples != 1 || sv.RTTMedian != 10*time.Millisecond {
		t.Errorf("client RTT %d %v-%v, server %d %v", cl.RTTSamples, cl.RTTMin, cl.RTTMax, sv.RTTSamples, sv.RTTMedian)
	}
	if cl.MaxInFlight != 2000 {
		t.Errorf("client in flight %d, want 2000", cl.MaxInFlight)
	}
	// Windows scale by 2^7 after the SYNs; the server's zero window lasts
	// from 40 ms to 500 ms.
	if cl.MaxWindow != 100<<7 || sv.MaxWindow != 50<<7 || sv.ZeroWindow != 460*time.Millisecond || cl.ZeroWindow != 0 {
		t.Errorf("windows %d %d, zero %v %v", cl.MaxWindow, sv.MaxWindow, cl.ZeroWindow, sv.ZeroWindow)
	}
	// Without window scaling, the SYNs' windows count, and a zero
	// window still open at the end lasts to the last segment.
	sum = measure(t, steps[:6], false)
	if sum.Dirs[c].MaxWindow != 1000 || sum.Dirs[s].MaxWindow != 2000 || sum.Dirs[s].ZeroWindow != 0 {
		t.Errorf("unscaled windows %d %d, zero %v", sum.Dirs[c].MaxWindow, sum.Dirs[s].MaxWindow, sum.Dirs[s].ZeroWindow)
	}
	sum = measure(t, append(steps[:6:6], step{90, c, ack, 2001, 2001, 1, 100, 0, 0}), false)
	if sum.Dirs[s].ZeroWindow != 50*time.Millisecond {
		t.Errorf("zero window open at the end: %v, want 50ms", sum.Dirs[s].ZeroWindow)
	}
}
