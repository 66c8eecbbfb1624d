package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// SACK blocks (RFC 2018) say what the receiver holds above its cumulative
// ACK, and D-SACK blocks (RFC 2883) what it received twice: both tell a
// retransmission the receiver did not need from one it did.

// resendMark is a direction's latest retransmission, kept until a D-SACK
// from its receiver may show it spurious.
type resendMark struct {
	seq, end uint32
	pos      tcp.Pos
	time     time.Time
	has      bool
}

// sackHolds reports whether one of the SACK blocks of the direction's
// latest ACK holds all of [seq, end): the receiver had those bytes.
func (f *flow) sackHolds(seq, end uint32) bool {
	for _, b := range f.sack[:f.nSACK] {
		if tcp.SeqLEQ(b.Left, seq) && tcp.SeqLEQ(end, b.Right) && tcp.SeqLess(seq, end) {
			return true
		}
	}
	return false
}

// dsack returns the D-SACK block of an ACK, if it has one. RFC 2883
// section 4: the first block reports a duplicate when it lies at or below
// the cumulative ACK, or inside the second block.
func dsack(seg *tcp.Segment) (tcp.SACKBlock, bool) {
	o := &seg.Options
	if !seg.Has(tcp.KnownOptions|tcp.KnownAck) || seg.Flags&tcp.ACK == 0 || o.NumSACK == 0 {
		return tcp.SACKBlock{}, false
	}
	first := o.SACK[0]
	if !tcp.SeqLess(first.Left, first.Right) {
		return tcp.SACKBlock{}, false
	}
	if tcp.SeqLEQ(first.Right, seg.Ack) {
		return first, true
	}
	if o.NumSACK > 1 {
		if second := o.SACK[1]; tcp.SeqLEQ(second.Left, first.Left) && tcp.SeqLEQ(first.Right, second.Right) {
			return first, true
		}
	}
	return tcp.SACKBlock{}, false
}

// dsackedResend reports whether seg, an ACK from direction d, carries a
// D-SACK for the latest retransmission of its peer, and forgets that
// retransmission so that it is reported once.
func (st *connState) dsackedResend(d int, seg *tcp.Segment) bool {
	if st.x == nil {
		return false
	}
	m := &st.x.resend[1-d]
	if !m.has {
		return false
	}
	b, ok := dsack(seg)
	if !ok || !tcp.SeqLess(b.Left, m.end) || !tcp.SeqLess(m.seq, b.Right) {
		return false
	}
	st.x.dsacked, m.has = *m, false
	return true
}
