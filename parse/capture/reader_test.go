package capture

import (
	"io"
	"os"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// loopbackCapture is a real "tcpdump -i any" capture (Linux SLL2) of one
// short conversation, and loopbackText tcpdump's "-n -vv -tttt" text of it
// (testdata/captures/real/README.md).
const (
	loopbackCapture = "../../testdata/captures/real/loopback-9502-any.pcap"
	loopbackText    = "../../testdata/captures/real/loopback-9502-any.n.vv.tttt.txt"
)

func readAll(t *testing.T, path string) ([]tcp.Segment, *tcp.Stats, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := NewReader(f, path)
	if err != nil {
		return nil, nil, err
	}
	var segs []tcp.Segment
	for {
		var s tcp.Segment
		err := r.Next(&s)
		if err == io.EOF {
			return segs, r.Stats(), nil
		}
		if err != nil {
			return segs, r.Stats(), err
		}
		segs = append(segs, s)
	}
}

func TestRealLoopbackCaptureDecodesElevenSegments(t *testing.T) {
	segs, stats, err := readAll(t, loopbackCapture)
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) != 11 || stats.TCP != 11 || stats.Records != 11 {
		t.Fatalf("got %d segments, stats %+v; want 11", len(segs), stats)
	}
	syn := segs[0]
	if syn.Flags != tcp.SYN || syn.Seq != 1495086031 || syn.Src.Port != 56198 || syn.Dst.Port != 9502 {
		t.Errorf("first segment = %s seq %d %v > %v", syn.Flags, syn.Seq, syn.Src, syn.Dst)
	}
	if syn.Options.MSS != 65495 || syn.Options.WScale != 10 || syn.Options.TSVal != 1861062379 || syn.Dir != tcp.DirIn || syn.Interface != 1 {
		t.Errorf("SYN options/link = %+v dir %v if %d", syn.Options, syn.Dir, syn.Interface)
	}
	data := segs[3]
	if data.PayloadLen != 7 || data.Seq != 1495086032 || data.Ack != 3406275732 || data.Flags != tcp.PSH|tcp.ACK {
		t.Errorf("data segment = %+v", data)
	}
	if got := segs[0].Time.Format("15:04:05.000000"); got != "21:06:06.478460" {
		t.Errorf("time = %s", got)
	}
	if segs[5].Pos.Packet != 6 || segs[5].Pos.Offset == 0 {
		t.Errorf("pos = %+v", segs[5].Pos)
	}
}

// Simple Packet Blocks carry no timestamp: their segments are placed at
// the Unix epoch, as tcpdump prints them, without claiming a known time.
func TestSimplePacketBlocksHaveNoKnownTime(t *testing.T) {
	segs, _, err := readAll(t, "../../testdata/captures/craft/spb.pcapng")
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) != 11 {
		t.Fatalf("got %d segments, want 11", len(segs))
	}
	for i, s := range segs {
		if !s.Time.Equal(time.Unix(0, 0)) || s.Time.Location() != time.UTC || s.Has(tcp.KnownTime) {
			t.Errorf("segment %d: time %v, known %b; want the epoch in UTC without KnownTime", i+1, s.Time, s.Known)
		}
		if !s.Has(tcp.KnownSeq | tcp.KnownAck | tcp.KnownFlags) {
			t.Errorf("segment %d: known %b lost more than the time", i+1, s.Known)
		}
	}
}
