package tcpdump

import "github.com/pcaplint/pcaplint/parse/tcp"

// numbering is whether a connection's numbers are printed relative (the
// default) or absolute (-S).
type numbering uint8

const (
	numUndecided numbering = iota
	numRelative
	numAbsolute
)

// pairState replays one tcp_seq_hash entry. Direction 0 is a→b.
type pairState struct {
	created bool      // an ACK-bearing segment has been printed
	base    [2]uint32 // what tcpdump subtracts from each direction's seq
	known   [2]bool   // whether the text showed (or implied) the base
	next    [2]uint32 // each sender's next seq, from absolute segments
	hasNext [2]bool
	num     numbering
	readings
}

// relTable recovers absolute sequence numbers from tcpdump's relative
// ones by replaying its state machine (print-tcp.c;
// docs/design/tcpdump-text.md#relative-sequence-numbers):
//
//   - segments without ACK are printed absolute and leave the entry alone;
//   - a SYN-ACK, and the first ACK-bearing segment of a pair, are printed
//     absolute and set the bases: this direction's to its seq, the other's
//     to ack-1 (so the creating direction counts from 0, the other from 1);
//   - later ACK-bearing segments print seq and ack, and SACK edges, minus
//     the bases.
//
// When the creating line shows no seq (a pure ACK without -vv), its base
// is taken from the sender's next sequence number if an earlier absolute
// segment (its SYN) showed it; otherwise that direction's numbers stay
// unknown until the next SYN-ACK.
//
// Unless told that the log was printed with -S, the table tells it per
// connection from the lines after the one that set the bases, by which
// reading continues the connection (numbering.go).
type relTable struct {
	absolute bool // Options.Absolute: the log was printed with -S
	pairs    pairTable
	guess    numbering // the last reading a connection settled
	settled  bool      // some connection settled guess
}

func newRelTable(absolute bool) relTable {
	return relTable{absolute: absolute, pairs: newPairTable(), guess: numRelative}
}

// resolve turns the printed numbers of seg into absolute ones and sets
// KnownSeq and KnownAck for the numbers it can vouch for. It reports
// true when the line was read in doubt: the two readings give it
// different numbers, nothing in the connection told them apart, and no
// earlier connection settled which the log uses.
func (t *relTable) resolve(seg *tcp.Segment, tt *tcpText) (doubt bool) {
	st, dir := t.pairs.state(seg.Src, seg.Dst)
	if !seg.Flags.Has(tcp.ACK) || t.absolute {
		t.printedAbsolute(st, dir, seg, tt)
		return false
	}
	if !st.created || seg.Flags.Has(tcp.SYN) {
		t.create(st, dir, seg, tt)
		return false
	}
	num := st.num
	if num == numUndecided {
		num, doubt = t.decide(st, dir, seg, tt)
	}
	if num == numAbsolute {
		t.printedAbsolute(st, dir, seg, tt)
	} else {
		t.addBases(st, dir, seg, tt)
	}
	return doubt
}

// printedAbsolute accepts the numbers as printed.
func (t *relTable) printedAbsolute(st *pairState, dir int, seg *tcp.Segment, tt *tcpText) {
	if tt.hasSeq {
		seg.Known |= tcp.KnownSeq
		st.next[dir], st.hasNext[dir] = seg.End(), true
	}
	if tt.hasAck {
		seg.Known |= tcp.KnownAck
	}
}

// create replays the entry's creation or reset; the line's own numbers are
// absolute, its SACK edges already relative to the new ack base.
func (t *relTable) create(st *pairState, dir int, seg *tcp.Segment, tt *tcpText) {
	other := 1 - dir
	st.created = true
	switch {
	case tt.hasSeq:
		st.base[dir], st.known[dir] = seg.Seq, true
	case st.hasNext[dir]:
		// A pure ACK carries the sender's next sequence number.
		st.base[dir], st.known[dir] = st.next[dir], true
	default:
		st.known[dir] = false
	}
	st.base[other], st.known[other] = seg.Ack-1, tt.hasAck
	t.printedAbsolute(st, dir, seg, tt)
	st.expect(other)
	if t.absolute || st.num == numAbsolute || (st.num == numUndecided && t.guess == numAbsolute) {
		return
	}
	t.sackBase(st, other, seg)
}

// addBases adds the bases back to a relative line's numbers.
func (t *relTable) addBases(st *pairState, dir int, seg *tcp.Segment, tt *tcpText) {
	other := 1 - dir
	if tt.hasSeq && st.known[dir] {
		seg.Seq += st.base[dir]
		seg.Known |= tcp.KnownSeq
		st.next[dir], st.hasNext[dir] = seg.End(), true
	}
	if tt.hasAck && st.known[other] {
		seg.Ack += st.base[other]
		seg.Known |= tcp.KnownAck
	}
	t.sackBase(st, other, seg)
}

// sackBase adds the ack base to SACK edges. Without a known base the
// blocks cannot be placed and are dropped (the option stays noted).
func (t *relTable) sackBase(st *pairState, other int, seg *tcp.Segment) {
	o := &seg.Options
	if !st.known[other] {
		o.NumSACK = 0
		return
	}
	for i := range o.NumSACK {
		o.SACK[i].Left += st.base[other]
		o.SACK[i].Right += st.base[other]
	}
}
