package diagram

import (
	"cmp"
	"slices"
)

// run is a maximal stretch of rows that folding may hide.
type run struct {
	start, n   int // rows[start : start+n]
	head, tail int // rows kept visible at each end when folded
	folded     bool
}

// hidden counts the rows a folded run hides.
func (r *run) hidden() int { return r.n - r.head - r.tail }

// fold collapses steady runs of data and ACK segments until rows fit in
// maxRows. Each folded run keeps its first and last segment visible and
// shows one summary row between them; the longest runs fold first, and
// rows left over in the budget go back to the folded runs, so a diagram
// keeps as much of the conversation as fits. Pinned rows never fold.
func fold(rows []Row, maxRows int) []Row {
	if maxRows < 0 || len(rows) <= maxRows {
		return rows
	}
	runs := findRuns(rows)
	order := make([]int, len(runs))
	for i := range order {
		order[i] = i
	}
	// Longest first; ties in input order, so that output is deterministic.
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(runs[b].n, runs[a].n) })
	excess := len(rows) - maxRows
	for _, i := range order {
		if excess <= 0 {
			break
		}
		r := &runs[i]
		r.folded, r.head, r.tail = true, 1, 1
		excess -= r.n - 3
	}
	giveBack(runs, order, -excess)
	return applyFolds(rows, runs)
}

// findRuns lists the stretches of unpinned rows long enough to fold (a
// fold of fewer than four rows would not shorten anything).
func findRuns(rows []Row) []run {
	var runs []run
	for i := 0; i < len(rows); {
		if rows[i].Pinned() {
			i++
			continue
		}
		j := i
		for j < len(rows) && !rows[j].Pinned() {
			j++
		}
		if j-i > 3 {
			runs = append(runs, run{start: i, n: j - i})
		}
		i = j
	}
	return runs
}

// giveBack hands spare rows to the folded runs, one at a time, head then
// tail, while each still hides at least two rows.
func giveBack(runs []run, order []int, spare int) {
	for spare > 0 {
		gave := false
		for _, i := range order {
			r := &runs[i]
			if !r.folded || r.hidden() <= 2 || spare == 0 {
				continue
			}
			if r.head <= r.tail {
				r.head++
			} else {
				r.tail++
			}
			spare--
			gave = true
		}
		if !gave {
			return
		}
	}
}

func applyFolds(rows []Row, runs []run) []Row {
	out := make([]Row, 0, len(rows))
	next := 0
	for _, r := range runs {
		if !r.folded {
			continue
		}
		out = append(out, rows[next:r.start+r.head]...)
		out = append(out, foldRow(rows[r.start+r.head:r.start+r.n-r.tail]))
		next = r.start + r.n - r.tail
	}
	return append(out, rows[next:]...)
}

// foldRow summarises hidden rows.
func foldRow(hidden []Row) Row {
	f := Row{Kind: RowFold, Time: hidden[0].Time, Conn: hidden[0].Conn,
		Duration: hidden[len(hidden)-1].Time.Sub(hidden[0].Time)}
	for i := range hidden {
		f.Folded++
		f.FoldedBytes += int64(hidden[i].Payload)
	}
	return f
}
