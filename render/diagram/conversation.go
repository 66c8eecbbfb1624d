package diagram

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// Seg is the part of a TCP segment a diagram draws: a tcp.Segment without
// the fields no label shows, a quarter of its size.
type Seg struct {
	Time       time.Time
	Pos        tcp.Pos
	Dir        rules.Dir
	Seq, Ack   uint32
	PayloadLen uint32
	Window     uint16
	Flags      tcp.Flags
	Known      tcp.Known
	MSS        uint16
	WScale     int8 // -1 when the segment carried no window scale option
	NumSACK    uint8
	SACK       [tcp.MaxSACKBlocks]tcp.SACKBlock
}

// SegOf copies what a diagram needs from seg, sent in direction d.
func SegOf(seg *tcp.Segment, d rules.Dir) Seg {
	s := Seg{
		Time: seg.Time, Pos: seg.Pos, Dir: d, Seq: seg.Seq, Ack: seg.Ack,
		PayloadLen: seg.PayloadLen, Window: seg.Window, Flags: seg.Flags,
		Known: seg.Known, WScale: -1, NumSACK: seg.Options.NumSACK, SACK: seg.Options.SACK,
	}
	if seg.Options.Has&tcp.OptMSS != 0 {
		s.MSS = seg.Options.MSS
	}
	if seg.Options.Has&tcp.OptWScale != 0 {
		s.WScale = int8(min(seg.Options.WScale, 127))
	}
	return s
}

// Len is the segment's length in sequence space (SYN and FIN count one).
func (s *Seg) Len() uint32 {
	n := s.PayloadLen
	if s.Flags&tcp.SYN != 0 {
		n++
	}
	if s.Flags&tcp.FIN != 0 {
		n++
	}
	return n
}

// Has reports whether the input carried all the fields in k.
func (s *Seg) Has(k tcp.Known) bool { return s.Known&k == k }

// Elision counts segments the collector let go to bound its memory. They
// were contiguous and came right after Conversation.Segs[At-1].
type Elision struct {
	At          int
	Segments    int
	Bytes       int64
	First, Last time.Time
}

// Conversation is one connection to draw: the tracked connection, its
// segments in input order, and the findings about it. Findings are matched
// to segments by position (Finding.Pos == Seg.Pos), so checks need to know
// nothing of diagrams.
type Conversation struct {
	Conn     *rules.Conn
	Segs     []Seg
	Elided   Elision
	Findings []rules.Finding
}

// Attach gives each conversation the findings about its connection,
// matched by connection ID; Build then puts each on its segment by
// position.
func Attach(convs []*Conversation, fs []rules.Finding) {
	byID := make(map[int]*Conversation, len(convs))
	for _, c := range convs {
		byID[c.Conn.ID] = c
	}
	for _, f := range fs {
		if c, ok := byID[f.Conn.ID]; ok {
			c.Findings = append(c.Findings, f)
		}
	}
}
