package checks

import "github.com/pcaplint/pcaplint/rules"

// A hole held open for its stamps (heldOpen) is reported part by part, as
// retransmissions resend it: each part's originals were never seen. On
// tcpdump -n text (no IP ID, TSvals equal within a millisecond) a run of
// late originals is often judged a run of resends, one segment each, so
// the parts of one hole that follow one another are kept as a run
// (extraState.resentRun) and reported as one finding: when a part that
// does not extend the run comes, when no open hole at the run's position
// is left beside it (settleResentRuns) or at the connection's end.

// addResentPart takes part, a resent part of a held-open hole of direction
// d, its verdict judged, into the direction's run: it extends the run when
// it lies beside it, in the same hole (the same position) with the same
// verdict; else the run is reported and part starts the next one.
func (st *connState) addResentPart(d rules.Dir, part hole) {
	run := &st.extra().resentRun[d]
	if run.lo != run.hi {
		same := run.pos == part.pos && run.verdict == part.verdict
		switch {
		case same && run.hi == part.lo:
			run.hi = part.hi
			return
		case same && part.hi == run.lo:
			run.lo = part.lo
			return
		}
		st.v.addExpired(*run)
	}
	*run = part
}

// settleResentRuns reports the runs of resent parts that no further part
// can extend: no open hole at the run's position lies beside it (its hole
// was filled, closed or forgotten, or a late original filled the bytes
// beside the run).
func (st *connState) settleResentRuns() {
	if st.x == nil {
		return
	}
	for d := range st.x.resentRun {
		run := &st.x.resentRun[d]
		if run.lo == run.hi || st.flows[d].besideOpenHole(run) {
			continue
		}
		st.v.addExpired(*run)
		*run = hole{}
	}
}

// besideOpenHole reports whether an open hole at run's position touches
// run's range from above or below.
func (f *flow) besideOpenHole(run *hole) bool {
	for i := range f.nHoles {
		if h := &f.holes[i]; !h.closed && h.pos == run.pos && (h.lo == run.hi || h.hi == run.lo) {
			return true
		}
	}
	return false
}

// takeResentRun returns the run of resent parts of direction d not yet
// reported, emptying it, and whether there was one: at the connection's
// end.
func (st *connState) takeResentRun(d rules.Dir) (hole, bool) {
	if st.x == nil || st.x.resentRun[d].lo == st.x.resentRun[d].hi {
		return hole{}, false
	}
	run := st.x.resentRun[d]
	st.x.resentRun[d] = hole{}
	return run, true
}

// joinRuns judges the holes and parts hs, reported at one segment or at
// the connection's end, and joins those of one hole (one direction and
// position) with one verdict whose ranges touch: a run of resent parts
// and the rest of its hole that closes with it are one range of
// never-seen bytes. It returns hs shortened, in the order of the first of
// each joined range.
func joinRuns(c *rules.Conn, st *connState, hs []hole) []hole {
	for i := range hs {
		if hs[i].verdict == gapUnjudged {
			hs[i].verdict = judgeHole(c, st, hs[i])
		}
	}
	for i := 0; i < len(hs); i++ {
		for j := i + 1; j < len(hs); j++ {
			a, b := &hs[i], &hs[j]
			if a.dir != b.dir || a.pos != b.pos || a.verdict != b.verdict || (a.hi != b.lo && b.hi != a.lo) {
				continue
			}
			if a.hi == b.lo {
				a.hi = b.hi
			} else {
				a.lo = b.lo
			}
			hs = append(hs[:j], hs[j+1:]...)
			j = i // a grew: look again from the start
		}
	}
	return hs
}
