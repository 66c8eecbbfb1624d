package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// maxHoles is how many holes the analysis follows per direction, open or
// closed; a further gap forgets the oldest closed one, else reports the
// oldest open one at once.
const maxHoles = 4

// hole is a range of sequence space a sender skipped: [lo, hi). Open, it
// is a seq-gap finding held back until the reorder window passes, because
// an out-of-order segment may still fill it. Closed (reported as a gap),
// it is kept while there is room, because a late original, which its
// TSval or IP ID shows was sent before the segments above the hole, may
// still come: a queue that reorders holds segments for longer than the
// reorder window.
type hole struct {
	dir rules.Dir
	// closed is set once the hole was reported as a gap; it and verdict
	// sit beside dir, in what would be padding.
	closed bool
	// verdict is what the evidence said of a resent part (see
	// resentRun) when its retransmission came; gapUnjudged, as for a
	// whole hole, is judged when reported.
	verdict gapVerdict
	lo, hi  uint32
	pos     tcp.Pos // the segment after the gap
	time    time.Time
	// above are the oldest TSval and IP ID of the segments captured above
	// the hole, the one that opened it first: a fill older than all of
	// them was sent before any of them (an original: a sender sends new
	// bytes in order), one newer than any was sent after bytes above it
	// (a retransmission). The opener alone would not do: it may itself be
	// a retransmission, overtaken by older ones.
	above stamps
}

// addHole records the hole a segment at seq opened past nxt.
func (st *connState) addHole(d rules.Dir, nxt, seq uint32, seg *tcp.Segment) {
	f := &st.flows[d]
	if f.holes == nil {
		f.holes = new([maxHoles]hole)
	}
	if f.nHoles == maxHoles {
		i := 0
		for i < f.nHoles && !f.holes[i].closed {
			i++
		}
		if i == f.nHoles {
			i = 0
			st.v.addExpired(f.holes[0])
		}
		f.removeHole(i)
	}
	f.holes[f.nHoles] = hole{dir: d, lo: nxt, hi: seq, pos: seg.Pos, time: seg.Time, above: stampsOf(seg)}
	f.nHoles++
}

// holeAt returns the index of the first open hole of direction d that
// [seq, end) overlaps, or -1.
func (st *connState) holeAt(d rules.Dir, seq, end uint32) int {
	return st.flows[d].overlapping(seq, end, false)
}

// lateHoleAt returns the index of the first hole of direction d, open or
// closed, that [seq, end) overlaps, or -1.
func (st *connState) lateHoleAt(d rules.Dir, seq, end uint32) int {
	return st.flows[d].overlapping(seq, end, true)
}

// overlapping returns the index of the first hole that [seq, end)
// overlaps, closed ones too when closed, or -1.
func (f *flow) overlapping(seq, end uint32, closed bool) int {
	for i := range f.nHoles {
		if h := &f.holes[i]; (closed || !h.closed) && tcp.SeqLess(seq, h.hi) && tcp.SeqLess(h.lo, end) {
			return i
		}
	}
	return -1
}

// resendFills takes the retransmission [seq, end) of direction d into its
// holes: the first it overlaps, i (from holeAt; none when -1), is reported
// as a gap now, as its bytes were lost before the capture point, and
// closed (the originals of the rest of it may still come late); the holes
// shrink. Of a hole held open for its stamps (heldOpen), only the part
// the retransmission resends is reported, and the rest stays open: its
// originals may still come. Adjacent parts of one hole make one finding
// (addResentPart).
func (st *connState) resendFills(c *rules.Conn, d rules.Dir, i int, seq, end uint32) {
	if i < 0 {
		return
	}
	h := &st.flows[d].holes[i]
	if st.heldOpen(d, h) {
		part := *h
		part.lo = tcp.SeqMax(h.lo, seq)
		if tcp.SeqLess(end, h.hi) {
			part.hi = end
		}
		part.verdict = judgeHole(c, st, part)
		st.addResentPart(d, part)
	} else {
		st.v.addExpired(*h)
		h.closed = true
	}
	st.fillHole(d, seq, end)
}

// fillHole shrinks the holes of direction d, open and closed, that [seq,
// end) overlaps. A segment inside a hole, touching neither edge, splits
// it in two when there is room (forgetting a closed hole if need be: its
// late originals may still come, but the upper part's are more likely to,
// behind the segment that just arrived); else it keeps only the lower part.
func (st *connState) fillHole(d rules.Dir, seq, end uint32) {
	f := &st.flows[d]
	for i := 0; i < f.nHoles; i++ {
		h := &f.holes[i]
		if !tcp.SeqLess(seq, h.hi) || !tcp.SeqLess(h.lo, end) {
			continue
		}
		switch {
		case tcp.SeqLEQ(seq, h.lo):
			h.lo = end
		case tcp.SeqLess(end, h.hi):
			upper := *h
			upper.lo, h.hi = end, seq
			i = f.insertHole(i, upper)
			continue
		default:
			h.hi = seq
		}
		if !tcp.SeqLess(h.lo, h.hi) {
			f.removeHole(i)
			i--
		}
	}
}

// insertHole puts h after the hole at i, making room by forgetting a
// closed hole other than i when the holes are full, and returns where the
// hole at i went to.
func (f *flow) insertHole(i int, h hole) int {
	if f.nHoles == maxHoles {
		j := 0
		for j < f.nHoles && (j == i || !f.holes[j].closed) {
			j++
		}
		if j == f.nHoles {
			return i // no room: the upper part goes
		}
		f.removeHole(j)
		if j < i {
			i--
		}
	}
	copy(f.holes[i+2:f.nHoles+1], f.holes[i+1:f.nHoles])
	f.holes[i+1] = h
	f.nHoles++
	return i
}

// foldAbove takes the stamps of seg into the holes it lies above.
func (f *flow) foldAbove(seg *tcp.Segment) {
	if f.nHoles == 0 {
		return
	}
	s := stampsOf(seg)
	for i := range f.nHoles {
		if h := &f.holes[i]; tcp.SeqLEQ(h.hi, seg.Seq) {
			h.above.fold(s)
		}
	}
}

func (f *flow) removeHole(i int) {
	copy(f.holes[i:], f.holes[i+1:f.nHoles])
	f.nHoles--
}

// expireHoles closes the open holes whose reorder window has passed by
// now, into the verdict: nothing filled them in time. A hole whose fill
// the stamps will judge stays open past it (heldOpen).
func (st *connState) expireHoles(now time.Time, window time.Duration) {
	for d := range st.flows {
		f := &st.flows[d]
		for i := range f.nHoles {
			h := &f.holes[i]
			if h.closed || tcp.Elapsed(h.time, now) < window || st.heldOpen(rules.Dir(d), h) {
				continue
			}
			st.v.addExpired(*h)
			h.closed = true
		}
	}
}

// heldOpen reports whether hole h of direction d stays open past the
// reorder window: the segments above it carried a TSval, or an IP ID its
// sender counts up, so whenever its original comes, its stamp shows it a
// late original (out-of-order: nothing was lost), and a resend a
// retransmission (reported as a gap then). A queue may hold a segment
// back for many times the handshake RTT. It closes when the receiver
// acknowledges past it (its bytes went by uncaptured), when the
// connection ends or when a newer gap needs its place.
func (st *connState) heldOpen(d rules.Dir, h *hole) bool {
	if !h.above.hasTS && !(h.above.hasIPID && st.flows[d].ipid.trusted()) {
		return false
	}
	r := &st.flows[d.Peer()]
	return !r.hasAck || tcp.SeqLess(r.lastAck, h.hi)
}

// addExpired puts hole h into the verdict, to be reported. A segment
// reports at most maxHoles+1 ranges of each direction: the holes that
// close, that its retransmission fills or that its gap forgets, and the
// runs of resent parts that end (settleResentRuns; a retransmission may
// end one and start another that ends at once). Where a retransmission
// finds an open hole, at most maxHoles-1 closed before it.
func (v *verdict) addExpired(h hole) {
	if len(v.expired) < 2*(maxHoles+1) {
		v.expired = append(v.expired, h)
	}
}
