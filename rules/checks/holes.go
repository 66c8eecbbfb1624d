package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// maxHoles is how many unfilled holes the analysis follows per direction;
// a further gap reports the oldest at once.
const maxHoles = 4

// hole is a range of sequence space a sender skipped: [lo, hi). It is a
// seq-gap finding held back until the reorder window passes, because an
// out-of-order segment may still fill it.
type hole struct {
	dir    rules.Dir
	lo, hi uint32
	pos    tcp.Pos // the segment after the gap
	time   time.Time
	// opener are the TSval and IP ID of the segment after the gap, to
	// tell whether the segment that fills the hole was sent before it.
	opener stamps
}

// addHole records the hole a segment at seq opened past nxt.
func (st *connState) addHole(d rules.Dir, nxt, seq uint32, seg *tcp.Segment) {
	f := &st.flows[d]
	if f.holes == nil {
		f.holes = new([maxHoles]hole)
	}
	if f.nHoles == maxHoles {
		st.v.addExpired(f.holes[0])
		copy(f.holes[:], f.holes[1:])
		f.nHoles--
	}
	f.holes[f.nHoles] = hole{dir: d, lo: nxt, hi: seq, pos: seg.Pos, time: seg.Time, opener: stampsOf(seg)}
	f.nHoles++
}

// holeAt returns the index of the first hole of direction d that [seq,
// end) overlaps, or -1.
func (st *connState) holeAt(d rules.Dir, seq, end uint32) int {
	f := &st.flows[d]
	for i := range f.nHoles {
		if h := &f.holes[i]; tcp.SeqLess(seq, h.hi) && tcp.SeqLess(h.lo, end) {
			return i
		}
	}
	return -1
}

// resendFills takes the retransmission [seq, end) of direction d into its
// holes: the first it overlaps, i (from holeAt; none when -1), is reported
// as a gap now, as its bytes were lost before the capture point, and the
// others shrink.
func (st *connState) resendFills(d rules.Dir, i int, seq, end uint32) {
	if i < 0 {
		return
	}
	f := &st.flows[d]
	st.v.addExpired(f.holes[i])
	f.removeHole(i)
	st.fillHole(d, seq, end)
}

// fillHole shrinks the holes of direction d that [seq, end) overlaps. A
// segment inside a hole, touching neither edge, keeps only the lower part
// open.
func (st *connState) fillHole(d rules.Dir, seq, end uint32) {
	f := &st.flows[d]
	for i := 0; i < f.nHoles; i++ {
		h := &f.holes[i]
		if !tcp.SeqLess(seq, h.hi) || !tcp.SeqLess(h.lo, end) {
			continue
		}
		if tcp.SeqLEQ(seq, h.lo) {
			h.lo = end
		} else {
			h.hi = seq
		}
		if !tcp.SeqLess(h.lo, h.hi) {
			f.removeHole(i)
			i--
		}
	}
}

func (f *flow) removeHole(i int) {
	copy(f.holes[i:], f.holes[i+1:f.nHoles])
	f.nHoles--
}

// expireHoles moves the holes whose reorder window has passed by now into
// the verdict: nothing filled them in time.
func (st *connState) expireHoles(now time.Time, window time.Duration) {
	for d := range st.flows {
		f := &st.flows[d]
		for f.nHoles > 0 && tcp.Elapsed(f.holes[0].time, now) >= window {
			st.v.addExpired(f.holes[0])
			f.removeHole(0)
		}
	}
}

func (v *verdict) addExpired(h hole) {
	if len(v.expired) < 2*maxHoles+1 {
		v.expired = append(v.expired, h)
	}
}
