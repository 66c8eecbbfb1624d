package explain

import (
	"context"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// jumpingConnection is a handshake followed by n segments that jump about
// in sequence space: client data at pseudo-random offsets, each answered by
// an ACK of another pseudo-random offset. Nearly every segment makes a
// finding (a gap, data behind, an ACK of unsent data).
func jumpingConnection(n int) []tcp.Segment { return connectionOf(n, true) }

// connectionOf is jumpingConnection when jump is set; else the data goes
// in order, each segment acknowledged: a normal connection of as many
// segments.
func connectionOf(n int, jump bool) []tcp.Segment {
	const j, k = 1000, 5000000
	const known = tcp.KnownAll &^ tcp.KnownChecksum
	client := tcp.Endpoint{Name: "192.0.2.10", Port: 51000}
	server := tcp.Endpoint{Name: "192.0.2.80", Port: 8080}
	segs := []tcp.Segment{
		{Src: client, Dst: server, Seq: j, Window: 65535, Flags: tcp.SYN, Known: known},
		{Src: server, Dst: client, Seq: k, Ack: j + 1, Window: 65535, Flags: tcp.SYN | tcp.ACK, Known: known},
		{Src: client, Dst: server, Seq: j + 1, Ack: k + 1, Window: 65535, Flags: tcp.ACK, Known: known},
	}
	x := uint32(12345)
	for i := range n {
		x = x*1103515245 + 12345 // a linear congruential generator: the same jumps every run
		off := j + 1 + (x>>8)%1_000_000*100
		ack := off
		if !jump {
			off = uint32(j + 1 + i/2*100)
			ack = off + 100
		}
		if i%2 == 0 {
			segs = append(segs, tcp.Segment{Src: client, Dst: server, Seq: off, Ack: k + 1, Window: 65535, Flags: tcp.ACK, PayloadLen: 100, Known: known})
		} else {
			segs = append(segs, tcp.Segment{Src: server, Dst: client, Seq: k + 1, Ack: ack, Window: 65535, Flags: tcp.ACK, Known: known})
		}
	}
	t0 := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	for i := range segs {
		segs[i].Time = t0.Add(time.Duration(i) * time.Millisecond)
		segs[i].Pos = tcp.Pos{Packet: i + 1}
		segs[i].Interface = -1
	}
	return segs
}

// allocatedExplaining is how many bytes explaining segs with every check
// allocates.
func allocatedExplaining(t *testing.T, segs []tcp.Segment) uint64 {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := Run(context.Background(), io.Discard, parse.Segments(segs, nil), Options{Checks: checks.All()}); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestJumpsInSequenceSpaceCostLinearly explains a connection whose
// segments jump about, where nearly every segment makes a finding: each
// segment must cost a bounded amount of work, not work that grows with the
// findings so far. Explaining a segment used to sort every finding kept
// (up to a thousand per rule): 10,000 such segments took 39 s and
// allocated over 100 KB each; 100,000 now take about 2 s at 3 KB each. The
// work is measured in bytes allocated, which neither a loaded machine nor
// -race changes.
func TestJumpsInSequenceSpaceCostLinearly(t *testing.T) {
	const n = 20_000
	const perSegment = 16 << 10
	if b := allocatedExplaining(t, jumpingConnection(n)); b/n > perSegment {
		t.Errorf("explaining %d jumping segments allocated %d bytes each, want at most %d: the work per segment grows with the findings", n, b/n, perSegment)
	}
}

// explainTime is the shortest of three times explaining segs with every
// check takes.
func explainTime(t *testing.T, segs []tcp.Segment) time.Duration {
	t.Helper()
	best := time.Duration(1<<63 - 1)
	for range 3 {
		start := time.Now()
		allocatedExplaining(t, segs)
		best = min(best, time.Since(start))
	}
	return best
}

// TestJumpsInSequenceSpaceTakeAboutTheTimeOfANormalConnection: explaining
// 20,000 jumping segments takes about as long as a normal connection of
// as many (1.4 times on a 2-core machine), and must stay within 20 times:
// the quadratic sort of every finding took about 800 times. A ratio of
// two times measured alike, each the best of three, so that load and
// -race slow both and the bound holds.
func TestJumpsInSequenceSpaceTakeAboutTheTimeOfANormalConnection(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: explains 60,000 segments")
	}
	const n = 10_000
	normal := explainTime(t, connectionOf(n, false))
	jumping := explainTime(t, jumpingConnection(n))
	if jumping > 20*normal {
		t.Errorf("explaining %d jumping segments took %v, %.0f times the %v of a normal connection, want at most 20", n, jumping, float64(jumping)/float64(normal), normal)
	}
}
