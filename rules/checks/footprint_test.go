package checks

import (
	"net/netip"
	"runtime"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// maxSYNOnlyBytes bounds the heap a live connection that sent only its SYN
// holds, with every check's state, as lint keeps it (no transitions): a SYN
// flood fills the table (rules.DefaultMaxConns) with these. Measured
// 1,713 bytes on 2026-12-05 with each check's own state (rules.CheckState:
// a SYN takes the analysis', the SYN's position and the client's ring of
// segment ends); 1,757-1,791 when the checks shared one state, 2,770
// before its part past the SYN became extraState and the slabs were sized
// to the allocator's classes.
const maxSYNOnlyBytes = 1900

// TestSYNOnlyConnectionFootprint opens connections of one SYN each, runs
// every check on them, and wants the live heap to grow by at most
// maxSYNOnlyBytes a connection.
func TestSYNOnlyConnectionFootprint(t *testing.T) {
	const n = 40_000
	eng, err := rules.NewEngine(append(All(), Limits()...), nil)
	if err != nil {
		t.Fatal(err)
	}
	tr := rules.NewTracker(eng)
	tr.MaxConns, tr.NoTransitions = 2*n, true
	dst := tcp.Endpoint{Addr: netip.MustParseAddr("192.0.2.1"), Port: 80}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var seg tcp.Segment
	for i := range n {
		seg = tcp.Segment{Src: tcp.Endpoint{Addr: netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}), Port: 40000},
			Dst: dst, Flags: tcp.SYN, Seq: uint32(i), Window: 65535, Known: tcp.KnownAll, Pos: tcp.Pos{File: "flood", Packet: i + 1}}
		tr.Add(&seg)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if tr.Live() != n {
		t.Fatalf("%d live connections, want %d", tr.Live(), n)
	}
	per := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / n
	t.Logf("%.0f bytes a live SYN-only connection", per)
	if per > maxSYNOnlyBytes {
		t.Errorf("%.0f bytes a live SYN-only connection, want at most %d", per, maxSYNOnlyBytes)
	}
	runtime.KeepAlive(tr)
}
