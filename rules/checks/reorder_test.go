package checks

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// reorderDir holds the recordings of testdata/record/reorder.sh: bulk
// downloads through a router whose priority queues reordered some of the
// server's data segments (and, in reorder-lossy, dropped some), captured
// on the sending host (sender) and on the receiving host (receiver),
// gzipped, each with its tcpdump -n text.
var reorderDir = filepath.Join("testdata", "reorder")

// reorderRuns are the recordings of reorder.sh.
var reorderRuns = []string{"reorder-ts", "reorder-nots", "reorder-lossy"}

// reorderServerPort is the port reorder.sh's server listens on.
const reorderServerPort = 9130

// arrival is what a data segment of the server is where it was captured,
// as the capture on the sending host proves.
type arrival uint8

const (
	// inOrder: an original at or above every byte captured before it.
	inOrder arrival = iota
	// resentCopy: a retransmission: its sender had sent beyond its seq
	// before it.
	resentCopy
	// lateOriginal: an original that arrives below the highest byte
	// captured before it, and whose bytes did not all arrive before: a
	// later segment overtook it (out-of-order).
	lateOriginal
	// lateDuplicate: an original that arrives after a retransmission
	// already brought all its bytes: the capture's second copy of them.
	lateDuplicate
	// resentAhead: a retransmission that arrives above every byte
	// captured before it, its original still on the way: nothing captured
	// before it shows that its bytes were sent before.
	resentAhead
)

// arrivalNames name the arrivals in the test's figures.
var arrivalNames = [...]string{"in order", "retransmission", "late original", "late duplicate", "retransmission ahead of its original"}

// span is a range of relative sequence space, [lo, hi).
type span struct{ lo, hi int64 }

// spans is a set of ranges, kept merged and sorted.
type spans []span

// covers reports whether the set holds all of [lo, hi).
func (s spans) covers(lo, hi int64) bool {
	for _, r := range s {
		if r.lo <= lo && hi <= r.hi {
			return true
		}
	}
	return false
}

// add puts [lo, hi) into the set.
func (s spans) add(lo, hi int64) spans {
	out := spans{}
	for _, r := range s {
		if r.hi < lo || hi < r.lo {
			out = append(out, r)
			continue
		}
		lo, hi = min(lo, r.lo), max(hi, r.hi)
	}
	out = append(out, span{lo, hi})
	for i := len(out) - 1; i > 0 && out[i].lo < out[i-1].lo; i-- {
		out[i], out[i-1] = out[i-1], out[i]
	}
	return out
}

// arrivals labels the server's data segments of capture, in the order it
// holds them, by truth (from the capture on the sending host), under their
// packet numbers or their lines in text (see eachDataSegment).
func arrivals(t *testing.T, truth map[sentOnce]bool, capture, text []tcp.Segment) map[int]arrival {
	t.Helper()
	labels := map[int]arrival{}
	var seen spans
	var base uint32
	var high int64
	started := false
	eachDataSegment(t, truth, reorderServerPort, capture, text, func(key int, s *tcp.Segment, resent bool) {
		if !started {
			base, started = s.Seq, true
		}
		lo := int64(int32(s.Seq - base))
		hi := lo + int64(s.PayloadLen)
		a := inOrder
		switch {
		case resent && lo >= high:
			a = resentAhead
		case resent:
			a = resentCopy
		case seen.covers(lo, hi):
			a = lateDuplicate
		case lo < high:
			a = lateOriginal
		}
		seen, high = seen.add(lo, hi), max(high, hi)
		labels[key] = a
	})
	return labels
}

// reorderTruth labels every data segment the server of run sent, from
// the capture on the sending host.
func reorderTruth(t *testing.T, run string) map[sentOnce]bool {
	t.Helper()
	return resentTruth(t, readSegments(t, filepath.Join(reorderDir, run+".sender.pcap.gz")), reorderServerPort)
}

// reorderCount is how one labelling of a recording's data segments fared.
type reorderCount struct {
	segments int
	arrived  [len(arrivalNames)]int
	wrong    [len(arrivalNames)]int
}

// String gives the counts for a test's log.
func (c reorderCount) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d data segments", c.segments)
	for a, n := range c.arrived {
		if n > 0 {
			fmt.Fprintf(&b, ", %s %d (%d labelled wrong)", arrivalNames[a], n, c.wrong[a])
		}
	}
	return b.String()
}

// totalWrong is how many segments were labelled wrong.
func (c reorderCount) totalWrong() int {
	n := 0
	for _, w := range c.wrong {
		n += w
	}
	return n
}

// labelledRight says whether a segment that arrived as a was labelled as
// it should be, given whether it was called a retransmission of some kind
// and whether out-of-order: a late original is out-of-order, a
// retransmission one of the three retransmission checks, a late duplicate
// either (it is the capture's second copy of its bytes, and its sender's
// first), an in-order segment neither, and a retransmission ahead of its
// original anything but out-of-order (it opens a gap, as new data would).
func labelledRight(a arrival, resent, ooo bool) bool {
	switch a {
	case resentAhead:
		return !ooo
	case resentCopy:
		return resent && !ooo
	case lateOriginal:
		return ooo && !resent
	case lateDuplicate:
		return resent != ooo
	}
	return !resent && !ooo
}

// countArrivals counts the labels that called each arrival right, given
// per packet (or line) whether it was called resent and out-of-order.
func countArrivals(labels map[int]arrival, resent, ooo map[int]bool) reorderCount {
	var c reorderCount
	for n, a := range labels {
		c.segments++
		c.arrived[a]++
		if !labelledRight(a, resent[n], ooo[n]) {
			c.wrong[a]++
		}
	}
	return c
}

// mostWrongWithoutIPID is how many data segments pcaplint labels wrong in
// the tcpdump -n text of the reorder recordings, which prints no IP ID:
// where the TSvals are equal (one clock tick, 1 ms on Linux, holds many
// segments) or absent, only the reorder window, SACK and duplicate ACKs
// are left to judge a late segment by. The test fails when it gets worse.
var mostWrongWithoutIPID = map[string]int{
	"reorder-ts.receiver.txt.gz":    14,
	"reorder-nots.receiver.txt.gz":  99,
	"reorder-lossy.receiver.txt.gz": 8,
}

// TestReorderRecordingsTruth labels every data segment of the reorder
// recordings, from both hosts, in the gzipped pcap and in its tcpdump
// text, by the capture on the sending host, and wants pcaplint to call
// every late original out-of-order and every retransmission one, but in
// the text without IP IDs (mostWrongWithoutIPID).
func TestReorderRecordingsTruth(t *testing.T) {
	for _, run := range reorderRuns {
		truth := reorderTruth(t, run)
		for _, side := range []string{"sender", "receiver"} {
			base := filepath.Join(reorderDir, run+"."+side)
			capture := readSegments(t, base+".pcap.gz")
			for _, input := range []string{base + ".pcap.gz", base + ".txt.gz", base + ".n-v.txt.gz"} {
				t.Run(filepath.Base(input), func(t *testing.T) {
					var text []tcp.Segment
					if strings.HasSuffix(input, "txt.gz") {
						text = readSegments(t, input)
					}
					labels := arrivals(t, truth, capture, text)
					resent, ooo := map[int]bool{}, map[int]bool{}
					got := map[int]string{}
					for _, f := range lint(t, input, allAtInfo(nil)) {
						n := packetOf(f)
						switch {
						case resentRules[f.Rule]:
							resent[n] = true
						case f.Rule == "out-of-order":
							ooo[n] = true
						default:
							continue
						}
						got[n] = f.Rule + ": " + f.Message
					}
					count := countArrivals(labels, resent, ooo)
					t.Logf("%s: %v", input, count)
					if most, ok := mostWrongWithoutIPID[filepath.Base(input)]; ok {
						if wrong := count.totalWrong(); wrong > most {
							t.Errorf("%s: %d data segments labelled wrong, at most %d before", input, wrong, most)
						}
						return
					}
					for n, a := range labels {
						if !labelledRight(a, resent[n], ooo[n]) {
							t.Errorf("%s:%d: %s, found %q", input, n, arrivalNames[a], got[n])
						}
					}
				})
			}
		}
	}
}

// reorderRow is how pcaplint and tshark label the server's data segments
// of one reorder recording, captured on the receiving host, against the
// truth the capture on the sending host proves.
type reorderRow struct {
	capture                string
	segments, late, resent int
	oursWrong, theirsWrong int
	// theirsLateResent: late originals tshark calls retransmissions;
	// theirsResentLate: retransmissions it calls out-of-order.
	theirsLateResent, theirsResentLate int
	// gaps are the bytes seq-gap reports.
	gaps gapBytes
}

// reorderRows labels the reorder recordings' data segments, as captured
// by the receiving host, by pcaplint's findings and by tshark's flags
// (tshark's output as recorded in testdata/reorder/oracle/tshark).
func reorderRows(t *testing.T) []reorderRow {
	t.Helper()
	var rows []reorderRow
	for _, run := range reorderRuns {
		truth := reorderTruth(t, run)
		path := filepath.Join(reorderDir, run+".receiver.pcap.gz")
		capture := readSegments(t, path)
		labels := arrivals(t, truth, capture, nil)
		resent, ooo := map[int]bool{}, map[int]bool{}
		fs := lint(t, path, allAtInfo(nil))
		for _, f := range fs {
			resent[f.Pos.Packet] = resent[f.Pos.Packet] || resentRules[f.Rule]
			ooo[f.Pos.Packet] = ooo[f.Pos.Packet] || f.Rule == "out-of-order"
		}
		marks := tsharkMarks(t, reorderDir, path)
		theirs := countArrivals(labels, marks["tcp.analysis.retransmission"], marks["tcp.analysis.out_of_order"])
		row := reorderRow{capture: filepath.Base(path), segments: len(labels),
			oursWrong: countArrivals(labels, resent, ooo).totalWrong(), theirsWrong: theirs.totalWrong(),
			gaps: reportedGaps(t, truth, capture, path, fs)}
		for n, a := range labels {
			switch a {
			case lateOriginal:
				row.late++
				if marks["tcp.analysis.retransmission"][n] {
					row.theirsLateResent++
				}
			case resentCopy, resentAhead:
				row.resent++
				if marks["tcp.analysis.out_of_order"][n] {
					row.theirsResentLate++
				}
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// reorderSection renders the labels of the reorder recordings against
// the truth, for docs/agreement.md.
func reorderSection(rows []reorderRow) string {
	var b strings.Builder
	b.WriteString(`
## Against the truth: reordering

The recordings of testdata/record/reorder.sh (under
rules/checks/testdata/reorder, outside the corpus above) were captured on
the sending and on the receiving host of downloads through a router whose
priority queues reorder some of the server's data segments, and in
reorder-lossy also drop some. The capture on the sending host proves
which arrival is a retransmission and which a *late original*: the first
copy of bytes that a later segment overtook, which is out-of-order
however late it comes. Wireshark guesses by timing: a late original that
comes after the reorder window (the RTT) is a retransmission to it.
pcaplint decides by TSval, else IP ID, against the oldest segment
captured above the hole. A *wrong* label is a late original not called
out-of-order, a retransmission not called one (or called out-of-order),
or an in-order segment called either; an original arriving after its own
retransmission may be called either. TestReorderRecordingsTruth holds
pcaplint at no wrong label in the captures and their ` + "`tcpdump -n -v`" + ` text;
in ` + "`-n`" + ` text, which prints no IP ID, segments within one TSval tick (or
without timestamps) are left to timing. The last two columns are the
bytes pcaplint's ` + "`seq-gap`" + ` reports as never seen whose original reached
the receiver later (only reordered) or never did (lost): a hole the
segments above it stamped stays open until a retransmission fills it
(TestReorderRecordingsSeqGaps).

| capture | data segments | late originals | retransmissions | pcaplint wrong | tshark wrong | tshark: late original as retransmission | tshark: retransmission as out-of-order | seq-gap bytes only reordered | seq-gap bytes lost |
|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|
`)
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |\n", r.capture, r.segments, r.late, r.resent,
			r.oursWrong, r.theirsWrong, r.theirsLateResent, r.theirsResentLate, r.gaps.reordered, r.gaps.lost)
	}
	return b.String()
}

// gapBytes are the bytes seq-gap reported in one input, split by whether
// their original reached the capture after all (reordered: nothing was
// lost) or never did (lost before the capture point).
type gapBytes struct{ reordered, lost int64 }

// reportedGaps sums the ranges of input's seq-gap findings, fs, against
// the originals of capture (as truth tells them from retransmissions).
func reportedGaps(t *testing.T, truth map[sentOnce]bool, capture []tcp.Segment, input string, fs []rules.Finding) gapBytes {
	t.Helper()
	var originals spans
	eachDataSegment(t, truth, reorderServerPort, capture, nil, func(_ int, s *tcp.Segment, resent bool) {
		if !resent {
			originals = originals.add(int64(s.Seq), int64(s.Seq)+int64(s.PayloadLen))
		}
	})
	var g gapBytes
	for _, r := range seqGapsOf(t, input, fs) {
		lo, hi := int64(r.lo), int64(r.lo)+int64(r.hi-r.lo)
		for _, o := range originals {
			g.reordered += max(0, min(hi, o.hi)-max(lo, o.lo))
		}
		g.lost += hi - lo
	}
	g.lost -= g.reordered
	return g
}

// mostSeqGaps bounds what seq-gap reports on the receivers of the
// reorder recordings. reorderedBytes: the bytes whose original did reach
// the receiver: a retransmission that overtook its original still reports
// the bytes it resent (it is the capture's first copy of them, and its
// stamps show it resent), and tcpdump -n text without IP IDs leaves equal
// TSvals to timing. findings: a hole held open for its stamps is reported
// as retransmissions resend its parts, and adjacent parts make one
// finding; in -n text a run of late originals judged resent was a finding
// a segment (19 and 17 findings in reorder-ts and reorder-lossy).
var mostSeqGaps = map[string]struct {
	reorderedBytes int64
	findings       int
}{
	"reorder-ts.receiver.pcap.gz":       {7240, 5},
	"reorder-ts.receiver.txt.gz":        {27512, 7},
	"reorder-ts.receiver.n-v.txt.gz":    {7240, 5},
	"reorder-nots.receiver.pcap.gz":     {4380, 3},
	"reorder-nots.receiver.txt.gz":      {148920, 7},
	"reorder-nots.receiver.n-v.txt.gz":  {4380, 3},
	"reorder-lossy.receiver.pcap.gz":    {8688, 8},
	"reorder-lossy.receiver.txt.gz":     {20272, 11},
	"reorder-lossy.receiver.n-v.txt.gz": {8688, 8},
}

// TestReorderRecordingsSeqGaps counts the bytes seq-gap reports on the
// receivers of the reorder recordings that were only reordered, not lost,
// and holds them and its findings at mostSeqGaps, and wants no two of its
// findings to be parts of one run (checkGapRuns).
func TestReorderRecordingsSeqGaps(t *testing.T) {
	for _, run := range reorderRuns {
		truth := reorderTruth(t, run)
		base := filepath.Join(reorderDir, run+".receiver")
		capture := readSegments(t, base+".pcap.gz")
		for _, input := range []string{base + ".pcap.gz", base + ".txt.gz", base + ".n-v.txt.gz"} {
			fs := lint(t, input, allAtInfo(nil))
			g := reportedGaps(t, truth, capture, input, fs)
			gaps := seqGapsOf(t, input, fs)
			t.Logf("%s: seq-gap reports %d bytes that were only reordered, %d lost, in %d findings", filepath.Base(input), g.reordered, g.lost, len(gaps))
			most := mostSeqGaps[filepath.Base(input)]
			if g.reordered > most.reorderedBytes {
				t.Errorf("%s: seq-gap reports %d bytes that were only reordered, at most %d before", input, g.reordered, most.reorderedBytes)
			}
			if len(gaps) > most.findings {
				t.Errorf("%s: %d seq-gap findings, at most %d before", input, len(gaps), most.findings)
			}
			checkGapRuns(t, input, gaps)
		}
	}
}
