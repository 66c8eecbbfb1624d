package checks

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// gapSaid reads the sender, the absolute range and the verdict out of a
// seq-gap message.
var gapSaid = regexp.MustCompile(`from (.+) never seen: seq (\d+) \(rel \d+\) up to (\d+) \(rel \d+\) (.*)$`)

// reportedGap is a seq-gap finding's range, [lo, hi), with what tells one
// run from another: the connection, the sender, the position and the
// verdict.
type reportedGap struct {
	conn    int
	from    string
	pos     tcp.Pos
	lo, hi  uint32
	verdict string
}

// seqGapsOf reads the ranges of the seq-gap findings among input's
// findings fs.
func seqGapsOf(t *testing.T, input string, fs []rules.Finding) []reportedGap {
	t.Helper()
	var gaps []reportedGap
	for _, f := range fs {
		if f.Rule != "seq-gap" {
			continue
		}
		m := gapSaid.FindStringSubmatch(f.Message)
		if m == nil {
			t.Fatalf("%s: seq-gap message without its range: %s", input, f.Message)
		}
		lo, _ := strconv.ParseUint(m[2], 10, 32)
		hi, _ := strconv.ParseUint(m[3], 10, 32)
		gaps = append(gaps, reportedGap{conn: f.Conn.ID, from: m[1], pos: f.Pos, lo: uint32(lo), hi: uint32(hi), verdict: m[4]})
	}
	return gaps
}

// checkGapRuns wants no two seq-gap findings of one connection and sender
// at one position (parts of one hole) whose ranges touch: they are one
// run of never-seen bytes, to be one finding, unless the evidence judged
// them apart (resent bytes the receiver had not acknowledged when they
// came beside the rest of the hole it acknowledged later).
func checkGapRuns(t *testing.T, input string, gaps []reportedGap) {
	t.Helper()
	for i, a := range gaps {
		for _, b := range gaps[i+1:] {
			if a.conn == b.conn && a.from == b.from && a.pos == b.pos && a.verdict == b.verdict && (a.hi == b.lo || b.hi == a.lo) {
				t.Errorf("%s: %s: seq-gap findings of %s for %d-%d and %d-%d, one run", input, a.pos, a.from, a.lo, a.hi, b.lo, b.hi)
			}
		}
	}
}
