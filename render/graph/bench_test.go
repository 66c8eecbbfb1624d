package graph_test

import (
	"net/netip"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/rules"
)

// BenchmarkCollector feeds one long transfer (a data segment and an ACK
// per iteration) through the tracker and the Collector: the per-segment
// path should allocate nothing once the columns exist.
func BenchmarkCollector(b *testing.B) {
	cli := tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.1"), Port: 40000}
	srv := tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.2"), Port: 80}
	start := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	coll := &graph.Collector{}
	tr := rules.NewTracker(coll)
	syn := tcp.Segment{Time: start, Src: cli, Dst: srv, Seq: 100, Flags: tcp.SYN, Window: 64240, Known: tcp.KnownAll}
	tr.Add(&syn)
	synack := tcp.Segment{Time: start, Src: srv, Dst: cli, Seq: 500, Ack: 101, Flags: tcp.SYN | tcp.ACK, Window: 65160, Known: tcp.KnownAll}
	tr.Add(&synack)
	data := tcp.Segment{Src: srv, Dst: cli, Ack: 101, Flags: tcp.ACK, Window: 502, PayloadLen: 1448, Known: tcp.KnownAll}
	ack := tcp.Segment{Src: cli, Dst: srv, Seq: 101, Flags: tcp.ACK, Window: 502, Known: tcp.KnownAll}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		at := start.Add(time.Duration(i+1) * 10 * time.Microsecond)
		data.Time, data.Seq = at, 501+uint32(i)*1448
		data.Pos.Packet = 2*i + 3
		tr.Add(&data)
		ack.Time, ack.Ack = at.Add(5*time.Microsecond), data.Seq+1448
		ack.Pos.Packet = 2*i + 4
		tr.Add(&ack)
	}
}
