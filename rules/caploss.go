package rules

import "github.com/pcaplint/pcaplint/parse/tcp"

// CaptureLoss estimates how much the capture itself missed, the way Zeek's
// capture-loss script does (policy/misc/capture-loss.zeek): a receiver
// acknowledges only what reached it, so an ACK above a hole in what the
// capture saw of the sender's data means the capture missed those bytes —
// the network delivered them. Network loss does not look like that: the
// receiver does not acknowledge what it did not get, and the sender's
// retransmission fills the hole before the ACK passes it.
type CaptureLoss struct {
	// Acks counts the ACKs that acknowledged sequence space not
	// acknowledged before, on directions whose data the capture saw from
	// a known start (Zeek's ack events).
	Acks int64
	// GapAcks counts those of them that acknowledged a hole: bytes never
	// captured, neither before nor as a retransmission (Zeek's gap events).
	GapAcks int64
	// GapBytes sums the bytes in those holes.
	GapBytes int64
}

// Percent is GapAcks against Acks, in percent (Zeek's percent_lost); 0
// without ACKs.
func (l CaptureLoss) Percent() float64 {
	if l.Acks == 0 {
		return 0
	}
	return 100 * float64(l.GapAcks) / float64(l.Acks)
}

// add sums o into l.
func (l *CaptureLoss) add(o CaptureLoss) {
	l.Acks += o.Acks
	l.GapAcks += o.GapAcks
	l.GapBytes += o.GapBytes
}

// maxSeenBlocks bounds the out-of-order blocks kept per direction, so that
// memory stays fixed per connection; past it, the last block stretches
// over the new one, which can only understate the loss.
const maxSeenBlocks = 4

// seqRange is the sequence space [lo, hi).
type seqRange struct{ lo, hi uint32 }

// seenData is what the capture saw of one sender's sequence space: all of
// it below hi (or given up as a hole once acknowledged), and blocks above.
type seenData struct {
	ok     bool
	hi     uint32
	acked  uint32 // the highest ack counted
	blocks [maxSeenBlocks]seqRange
	n      uint8
}

// segment follows seg, sent in direction d of c, for the estimate: its
// sequence space as seen, and its ACK against what the peer's was.
func (l *CaptureLoss) segment(c *Conn, d Dir, seg *tcp.Segment) {
	if seg.Has(tcp.KnownSeq|tcp.KnownFlags) && seg.Flags&tcp.RST == 0 {
		c.seen[d].sent(seg.Seq, seg.Seq+seg.Len())
	}
	if !seg.Has(tcp.KnownAck|tcp.KnownFlags) || seg.Flags&tcp.ACK == 0 {
		return
	}
	p := &c.seen[d.Peer()]
	if !p.ok || !tcp.SeqLess(p.acked, seg.Ack) {
		return
	}
	p.acked = seg.Ack
	l.Acks++
	if missing := p.acknowledge(seg.Ack); missing > 0 {
		l.GapAcks++
		l.GapBytes += int64(missing)
	}
}

// sent records the sequence space [lo, hi) as seen.
func (s *seenData) sent(lo, hi uint32) {
	switch {
	case !s.ok:
		*s = seenData{ok: true, hi: hi, acked: lo}
		return
	case lo == hi:
		return
	case tcp.SeqLEQ(lo, s.hi):
		s.hi = tcp.SeqMax(s.hi, hi)
		s.absorb()
		return
	}
	s.insert(seqRange{lo, hi})
}

// insert adds a block above hi, merged with those it touches.
func (s *seenData) insert(r seqRange) {
	kept := s.blocks[:0]
	for _, b := range s.blocks[:s.n] {
		if tcp.SeqLess(r.hi, b.lo) || tcp.SeqLess(b.hi, r.lo) {
			kept = append(kept, b)
			continue
		}
		r = seqRange{seqMin(r.lo, b.lo), tcp.SeqMax(r.hi, b.hi)}
	}
	s.n = uint8(len(kept))
	if s.n == maxSeenBlocks {
		last := &s.blocks[s.n-1]
		last.lo, last.hi = seqMin(last.lo, r.lo), tcp.SeqMax(last.hi, r.hi)
		return
	}
	s.blocks[s.n] = r
	s.n++
}

// absorb moves hi past the blocks it reached.
func (s *seenData) absorb() {
	for moved := true; moved; {
		moved = false
		kept := s.blocks[:0]
		for _, b := range s.blocks[:s.n] {
			if tcp.SeqLEQ(b.lo, s.hi) {
				s.hi = tcp.SeqMax(s.hi, b.hi)
				moved = true
				continue
			}
			kept = append(kept, b)
		}
		s.n = uint8(len(kept))
	}
}

// acknowledge moves hi to ack, which the peer acknowledged, and returns how
// many bytes below ack the capture never saw.
func (s *seenData) acknowledge(ack uint32) uint32 {
	if !tcp.SeqLess(s.hi, ack) {
		return 0
	}
	missing := ack - s.hi
	for _, b := range s.blocks[:s.n] {
		lo, hi := tcp.SeqMax(b.lo, s.hi), seqMin(b.hi, ack)
		if tcp.SeqLess(lo, hi) {
			missing -= hi - lo
		}
	}
	s.hi = ack
	s.absorb()
	return missing
}

func seqMin(a, b uint32) uint32 {
	if tcp.SeqLess(a, b) {
		return a
	}
	return b
}
