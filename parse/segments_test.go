package parse

import (
	"errors"
	"io"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// TestSegmentsGivesEachInOrderWithItsLine: Segments gives its segments in
// order, each with its line when lines are given, then io.EOF.
func TestSegmentsGivesEachInOrderWithItsLine(t *testing.T) {
	segs := []tcp.Segment{{Seq: 1}, {Seq: 2}, {Seq: 3}}
	for _, tt := range []struct {
		name  string
		lines []string
	}{
		{"capture", nil},
		{"log", []string{"one", "two", "three"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := Segments(segs, tt.lines)
			rec := src.(interface{ PacketLine() string })
			if got := rec.PacketLine(); got != "" {
				t.Errorf("before the first segment: line %q", got)
			}
			var seg tcp.Segment
			for i := range segs {
				if err := src.Next(&seg); err != nil || seg.Seq != segs[i].Seq {
					t.Fatalf("segment %d: seq %d, error %v", i, seg.Seq, err)
				}
				want := ""
				if tt.lines != nil {
					want = tt.lines[i]
				}
				if got := rec.PacketLine(); got != want {
					t.Errorf("segment %d: line %q, want %q", i, got, want)
				}
			}
			if err := src.Next(&seg); !errors.Is(err, io.EOF) {
				t.Errorf("after the last segment: %v, want io.EOF", err)
			}
		})
	}
}
