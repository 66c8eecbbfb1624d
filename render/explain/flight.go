package explain

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// maxRemembered bounds the data segments remembered per direction, so
// that a long connection does not grow the session without end; an ACK
// or retransmission further back than this is explained without naming
// the segment.
const maxRemembered = 256

// flight remembers each direction's recent data segments, to name the
// segments an ACK acknowledges and the original of a retransmission.
type flight struct {
	sent [2][]sentEntry
}

type sentEntry struct {
	Sent
	// done is set once the segment is acknowledged, or superseded by a
	// retransmission of its bytes (the copy is what an ACK then covers).
	done bool
}

// send records a data segment of direction d and returns the latest
// earlier segment whose bytes it repeats, if any.
func (f *flight) send(d rules.Dir, seg *tcp.Segment) *Sent {
	if seg.PayloadLen == 0 || !seg.Has(tcp.KnownSeq) {
		return nil
	}
	first := seg.Seq
	if seg.Flags.Has(tcp.SYN) {
		first++
	}
	s := Sent{Pos: seg.Pos, Seq: first, End: first + seg.PayloadLen, Time: seg.Time}
	var orig *Sent
	list := f.sent[d]
	for i := len(list) - 1; i >= 0; i-- {
		e := &list[i]
		if tcp.SeqLess(e.Seq, s.End) && tcp.SeqLess(s.Seq, e.End) {
			if orig == nil {
				o := e.Sent
				orig = &o
			}
			e.done = true
		}
	}
	if len(list) == maxRemembered {
		list = append(list[:0], list[1:]...)
	}
	f.sent[d] = append(list, sentEntry{Sent: s})
	return orig
}

// ack marks the peer's segments that an ACK sent in direction d covers
// and returns those it covers for the first time, oldest first.
func (f *flight) ack(d rules.Dir, seg *tcp.Segment) []Sent {
	if !seg.Flags.Has(tcp.ACK) || !seg.Has(tcp.KnownAck) {
		return nil
	}
	var acked []Sent
	list := f.sent[d.Peer()]
	for i := range list {
		e := &list[i]
		if !e.done && tcp.SeqLEQ(e.End, seg.Ack) {
			e.done = true
			acked = append(acked, e.Sent)
		}
	}
	return acked
}
