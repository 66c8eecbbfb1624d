package tcpdump

import "github.com/pcaplint/pcaplint/parse/tcp"

// Telling -S from tcpdump's relative numbering. The text never says which
// was used, and size is no guide: an ISN of 0 or 100 (textbooks, crafted
// traffic) looks relative. What does tell them apart is which reading
// continues the connection. After the line that sets the bases (the
// SYN-ACK, or a connection's first ACK-bearing line), the relative
// rendering shows "ack 1" and first data at 1, the absolute one ISN+1: of
// the two readings of a later line, the right one lands exactly on the
// sequence number its sender is due to send next, or acknowledges
// exactly what its peer is due to send next. Both can do so only when the
// bases they differ by are 0, and then they give the same numbers.
//
// Until a line fits one reading and not the other, the connection is
// followed under both (what each expects next, in readings), and its lines
// are read as the last connection that settled did, since one tcpdump run
// prints every connection alike, or as relative, tcpdump's default,
// before any did. Where that guess changes the numbers, the reader says so
// once (resolve's doubt). When neither reading fits exactly (a capture that
// starts after loss, a retransmission first), size decides as a last
// resort: relative numbers are offsets from the bases, absolute ones lie
// near them, and a random ISN is almost always far from zero.

// Readings of a connection's numbers, as indexes into readings.
const (
	readRelative = iota
	readAbsolute
)

// decisiveGap is how much closer to one reading than to the other a line's
// numbers must be before size settles the reading.
const decisiveGap = 1 << 20

// readings is what each reading of an undecided connection expects next:
// exp[h][d] is the next sequence number of direction d under reading h.
type readings struct {
	exp    [2][2]uint32
	hasExp [2][2]bool
}

// expect starts both readings at the line that set the bases, where they
// agree: each sender's next sequence number as printed, or for a
// direction that has shown none, the one the ack expects.
func (st *pairState) expect(other int) {
	for d := range 2 {
		v, ok := st.next[d], st.hasNext[d]
		if !ok && d == other && st.known[d] {
			v, ok = st.base[d]+1, true
		}
		for h := range 2 {
			st.exp[h][d], st.hasExp[h][d] = v, ok
		}
	}
}

// decide reads a line of an undecided connection both ways and settles the
// connection's reading when the line fits one of them only. It returns
// the reading to use for the line, and doubt when that is a guess that
// changes the line's numbers and no connection has settled one yet.
func (t *relTable) decide(st *pairState, dir int, seg *tcp.Segment, tt *tcpText) (numbering, bool) {
	other := 1 - dir
	useSeq, useAck := tt.hasSeq && st.known[dir], tt.hasAck && st.known[other]
	var seq, ack [2]uint32 // by reading
	seq[readRelative], seq[readAbsolute] = seg.Seq+st.base[dir], seg.Seq
	ack[readRelative], ack[readAbsolute] = seg.Ack+st.base[other], seg.Ack
	// Only a number the readings disagree on can tell them apart.
	seqDiffers, ackDiffers := useSeq && st.base[dir] != 0, useAck && st.base[other] != 0
	if !seqDiffers && !ackDiffers {
		st.follow(readRelative, dir, useSeq, seq[readRelative]+seg.Len())
		st.follow(readAbsolute, dir, useSeq, seq[readAbsolute]+seg.Len())
		return t.guess, false
	}
	var fits [2]bool
	for h := range 2 {
		fits[h] = seqDiffers && st.hasExp[h][dir] && seq[h] == st.exp[h][dir] ||
			ackDiffers && st.hasExp[h][other] && ack[h] == st.exp[h][other]
	}
	switch {
	case fits[readRelative] && !fits[readAbsolute]:
		return t.settle(st, numRelative), false
	case fits[readAbsolute] && !fits[readRelative]:
		return t.settle(st, numAbsolute), false
	}
	if n := bySize(st, dir, seg, useSeq, useAck); n != numUndecided {
		return t.settle(st, n), false
	}
	st.follow(readRelative, dir, useSeq, seq[readRelative]+seg.Len())
	st.follow(readAbsolute, dir, useSeq, seq[readAbsolute]+seg.Len())
	return t.guess, !t.settled
}

// follow moves reading h's next sequence number of direction d on to end,
// when the line showed its seq and end lies beyond it.
func (st *pairState) follow(h, d int, useSeq bool, end uint32) {
	if useSeq && (!st.hasExp[h][d] || tcp.SeqDiff(st.exp[h][d], end) > 0) {
		st.exp[h][d], st.hasExp[h][d] = end, true
	}
}

// settle fixes the connection's reading, and makes it the guess for
// connections that cannot tell yet.
func (t *relTable) settle(st *pairState, n numbering) numbering {
	st.num, t.guess, t.settled = n, n, true
	return n
}

// bySize settles by magnitude: relative numbers are offsets from the
// bases, so small and positive; absolute ones lie near the bases, on
// either side.
func bySize(st *pairState, dir int, seg *tcp.Segment, useSeq, useAck bool) numbering {
	var rel, abs int64
	if useAck {
		rel += int64(seg.Ack)
		abs += absDiff(st.base[1-dir], seg.Ack)
	}
	if useSeq {
		rel += int64(seg.Seq)
		abs += absDiff(st.base[dir], seg.Seq)
	}
	switch {
	case !useAck && !useSeq:
		return numUndecided
	case abs+decisiveGap < rel:
		return numAbsolute
	case rel+decisiveGap < abs:
		return numRelative
	}
	return numUndecided
}

func absDiff(a, b uint32) int64 {
	d := tcp.SeqDiff(a, b)
	if d < 0 {
		return -d
	}
	return d
}
