package checks

import (
	"io"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// interleaved is a parse.Source of n segments from conns bulk transfers
// at once, round robin, each starting with its handshake.
type interleaved struct {
	gens  []*bulk
	n, i  int
	stats tcp.Stats
}

func newInterleaved(conns, n int) *interleaved {
	s := &interleaved{n: n}
	for k := range conns {
		g := newBulk()
		g.cli.Port += uint16(k)
		s.gens = append(s.gens, g)
	}
	return s
}

func (s *interleaved) Next(seg *tcp.Segment) error {
	if s.i == s.n {
		return io.EOF
	}
	k, round := s.i%len(s.gens), s.i/len(s.gens)
	s.i++
	if round < 3 {
		s.gens[k].handshake(round, seg)
	} else {
		s.gens[k].next(seg)
	}
	seg.Pos.Packet = s.i
	return nil
}

func (s *interleaved) Stats() *tcp.Stats { return &s.stats }

func (s *interleaved) Idle() bool { return false }

func (s *interleaved) ReadsAhead() bool { return false }

func (s *interleaved) Close() {}

// BenchmarkLanes runs every check over 64 interleaved transfers, split
// among rules.DefaultLanes trackers on their own goroutines: the
// per-segment cost of the whole pipeline after decoding, on all cores.
func BenchmarkLanes(b *testing.B) {
	b.ReportAllocs()
	src := newInterleaved(64, b.N)
	sh := rules.NewLanes(0, func(int) (*rules.Tracker, *rules.Engine) {
		eng, err := rules.NewEngine(All(), allAtInfo(nil))
		if err != nil {
			b.Fatal(err)
		}
		return rules.NewTracker(eng), eng
	})
	if err := sh.Run(src); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	if b.N < 1000 {
		return // handshakes cut short
	}
	for _, f := range sh.Findings() {
		if f.Rule != "teardown-incomplete" {
			b.Fatalf("clean transfers raised %s at %s: %s", f.Rule, f.Pos, f.Message)
		}
	}
}
