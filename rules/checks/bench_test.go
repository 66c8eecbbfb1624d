package checks

import (
	"net/netip"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// bulk generates a long clean transfer without allocating: the client
// sends full segments, the server acknowledges every second one. Sequence
// numbers start near 2^32 so that they wrap early.
type bulk struct {
	cli, srv tcp.Endpoint
	seq, ack uint32
	now      time.Time
	n        int
	ts       uint32
}

const bulkMSS = 1448

// bulkPayload is every data segment's bytes, so that the checks that keep
// or compare payload (retransmission-inconsistent) run too.
var bulkPayload = make([]byte, bulkMSS)

func newBulk() *bulk {
	return &bulk{
		cli: tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.1"), Port: 40000},
		srv: tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.2"), Port: 9502},
		seq: 0xffff0000, ack: 0x7fff0000, now: genEpoch, ts: 1000,
	}
}

// handshake fills seg with the i-th handshake segment (0, 1, 2).
func (g *bulk) handshake(i int, seg *tcp.Segment) {
	g.fill(seg, i == 1)
	switch i {
	case 0:
		seg.Flags, seg.Seq, seg.Ack = tcp.SYN, g.seq-1, 0
	case 1:
		seg.Flags, seg.Seq, seg.Ack = tcp.SYN|tcp.ACK, g.ack-1, g.seq
	default:
		seg.Flags = tcp.ACK
	}
	if i < 2 {
		seg.Options.Has |= tcp.OptMSS | tcp.OptWScale | tcp.OptSACKPermitted
		seg.Options.MSS, seg.Options.WScale = bulkMSS, 7
	}
}

// next fills seg with the next segment of the transfer.
func (g *bulk) next(seg *tcp.Segment) {
	fromServer := g.n%3 == 2
	g.n++
	g.fill(seg, fromServer)
	if !fromServer {
		seg.Flags |= tcp.PSH
		seg.PayloadLen, seg.Payload = bulkMSS, bulkPayload
		g.seq += bulkMSS
	}
}

func (g *bulk) fill(seg *tcp.Segment, fromServer bool) {
	g.now = g.now.Add(10 * time.Microsecond)
	g.ts++
	*seg = tcp.Segment{Time: g.now, Src: g.cli, Dst: g.srv, Seq: g.seq, Ack: g.ack, Window: 512, Flags: tcp.ACK,
		Known: tcp.KnownAll, Interface: -1, Pos: tcp.Pos{File: "bulk", Packet: g.n}}
	if fromServer {
		seg.Src, seg.Dst, seg.Seq, seg.Ack = g.srv, g.cli, g.ack, g.seq
	}
	seg.Options.Has = tcp.OptTimestamp | tcp.OptNOP
	seg.Options.TSVal, seg.Options.TSEcr = g.ts, g.ts-1
}

// bulkEngine returns a tracker running every check, past the handshake
// of a bulk transfer.
func bulkEngine(tb testing.TB) (*rules.Tracker, *rules.Engine, *bulk) {
	eng, err := rules.NewEngine(All(), allAtInfo(nil))
	if err != nil {
		tb.Fatal(err)
	}
	tr := rules.NewTracker(eng)
	g := newBulk()
	var seg tcp.Segment
	for i := range 3 {
		g.handshake(i, &seg)
		tr.Add(&seg)
	}
	return tr, eng, g
}

// wantOnlyOpenEnd fails on any finding but the connection left open.
func wantOnlyOpenEnd(tb testing.TB, tr *rules.Tracker, eng *rules.Engine) {
	tr.Flush()
	for _, f := range eng.Findings() {
		if f.Rule != "teardown-incomplete" {
			tb.Fatalf("a clean transfer raised %s at %s: %s", f.Rule, f.Pos, f.Message)
		}
	}
}

// BenchmarkEngine runs every check over one long connection: the per
// segment cost of the tracker and all checks, which must not allocate.
func BenchmarkEngine(b *testing.B) {
	tr, eng, g := bulkEngine(b)
	var seg tcp.Segment
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		g.next(&seg)
		tr.Add(&seg)
	}
	b.StopTimer()
	wantOnlyOpenEnd(b, tr, eng)
}

// TestEngineDoesNotAllocatePerSegment: past a connection's start, a
// segment through the tracker and every check allocates nothing, options
// and payload included (a finding's words are built only when one is
// reported).
func TestEngineDoesNotAllocatePerSegment(t *testing.T) {
	tr, _, g := bulkEngine(t)
	var seg tcp.Segment
	for range 10_000 {
		g.next(&seg)
		tr.Add(&seg)
	}
	if n := testing.AllocsPerRun(3_000, func() {
		g.next(&seg)
		tr.Add(&seg)
	}); n != 0 {
		t.Errorf("%.2f allocations per segment, want 0", n)
	}
}

// TestBulkTransferIsClean runs the benchmark's transfer across the
// sequence number wrap: nothing but the open end may be reported.
func TestBulkTransferIsClean(t *testing.T) {
	tr, eng, g := bulkEngine(t)
	var seg tcp.Segment
	for range 100_000 {
		g.next(&seg)
		tr.Add(&seg)
	}
	wantOnlyOpenEnd(t, tr, eng)
}
