package parse

import (
	"io"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// Segments is a Source over segments already read or built by hand, given
// in order, with lines[i] the text the input showed for segs[i] (PacketLine; nil for
// none, as for a capture): a test's crafted conversation goes through the
// pipeline as an input would. Each segment is copied out as it is read;
// the slices it holds are shared with segs.
func Segments(segs []tcp.Segment, lines []string) Source {
	return &segments{segs: segs, lines: lines}
}

// segments is the Source Segments returns.
type segments struct {
	segs  []tcp.Segment
	lines []string
	next  int
	stats tcp.Stats
}

// Next implements Source.
func (s *segments) Next(seg *tcp.Segment) error {
	if s.next == len(s.segs) {
		return io.EOF
	}
	*seg = s.segs[s.next]
	s.next++
	return nil
}

// Stats implements Source; nothing is counted.
func (s *segments) Stats() *tcp.Stats { return &s.stats }

// Idle implements Source: the segments are all there.
func (s *segments) Idle() bool { return false }

// ReadsAhead implements Source: nothing is read on another goroutine.
func (s *segments) ReadsAhead() bool { return false }

// Close implements Source; there is nothing to stop.
func (s *segments) Close() {}

// PacketLine is the line of the segment read last, as the tcpdump text
// reader's PacketLine is, or "" without lines.
func (s *segments) PacketLine() string {
	if s.lines == nil || s.next == 0 {
		return ""
	}
	return s.lines[s.next-1]
}
