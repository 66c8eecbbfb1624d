package rules

import (
	"net/netip"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// synthSegments builds conns interleaved connections of perConn segments:
// a handshake, then data from the client and ACKs from the server.
func synthSegments(conns, perConn int) []tcp.Segment {
	client := netip.MustParseAddr("10.0.0.1")
	server := netip.MustParseAddr("10.0.0.2")
	t0 := time.Unix(1700000000, 0)
	segs := make([]tcp.Segment, 0, conns*perConn)
	for i := 0; i < perConn; i++ {
		for c := 0; c < conns; c++ {
			s := tcp.Segment{Known: tcp.KnownAll, Window: 512, Interface: -1,
				Src: tcp.Endpoint{Addr: client, Port: uint16(40000 + c)}, Dst: tcp.Endpoint{Addr: server, Port: 80},
				Time: t0.Add(time.Duration(i*conns+c) * time.Microsecond)}
			fromServer := i%2 == 1
			if fromServer {
				s.Src, s.Dst = s.Dst, s.Src
			}
			k := uint32(i / 2)
			switch {
			case i == 0:
				s.Flags, s.Seq = tcp.SYN, 1000
			case i == 1:
				s.Flags, s.Seq, s.Ack = tcp.SYN|tcp.ACK, 5000, 1001
			case fromServer:
				s.Flags, s.Seq, s.Ack = tcp.ACK, 5001, 1001+k*100
			default:
				s.Flags, s.Seq, s.Ack, s.PayloadLen = tcp.ACK|tcp.PSH, 1001+(k-1)*100, 5001, 100
			}
			s.Pos = tcp.Pos{File: "bench", Packet: len(segs) + 1}
			segs = append(segs, s)
		}
	}
	return segs
}

// BenchmarkTrack measures the tracker; one op is one segment.
func BenchmarkTrack(b *testing.B) {
	segs := synthSegments(100, 200)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for n < b.N {
		tr := NewTracker()
		for i := range segs {
			if n == b.N {
				break
			}
			tr.Add(&segs[i])
			n++
		}
		tr.Flush()
	}
}
