package checks

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

// zeroSpan matches a message that claims a span of no time: "after 0s",
// "for 0s", "0µs after".
var zeroSpan = regexp.MustCompile(`(^|[^0-9.])0(s|ms|µs)\b`)

// TestUntimedTextJudgedAsTimed lints real recordings rendered by tcpdump
// with its timestamps (-n) and without any (-n -t; render.sh beside them):
// a log without times must give the findings the timed log gives, rule by
// rule and line by line (severities aside: a zero window held for an
// unknown time is not a long one), and no message may claim that no time
// passed where none was measured. Without times every segment had time
// zero, which the tracker took for "not seen": no handshake completed, and
// handshake-incomplete warned on every connection.
func TestUntimedTextJudgedAsTimed(t *testing.T) {
	total := 0
	for _, name := range []string{"clean", "half-close", "keepalive", "refused", "rst-reuse", "zero-window", "lossy-3pct.receiver"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata", "untimed")
			timed := lint(t, filepath.Join(dir, name+".n.txt.gz"), allAtInfo(nil))
			untimed := lint(t, filepath.Join(dir, name+".n-t.txt.gz"), allAtInfo(nil))
			total += len(timed)
			if got, want := ruleLines(untimed), ruleLines(timed); !slices.Equal(got, want) {
				t.Errorf("without times:\n%v\nwith times:\n%v", got, want)
			}
			for _, f := range untimed {
				if zeroSpan.MatchString(f.Message) {
					t.Errorf("line %d %s claims a span of no time: %s", f.Pos.Line, f.Rule, f.Message)
				}
			}
		})
	}
	if total < 50 {
		t.Errorf("the timed renderings give %d findings in all: too few to compare", total)
	}
}

// ruleLines lists each finding as "line rule", sorted.
func ruleLines(fs []rules.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%d %s", f.Pos.Line, f.Rule)
	}
	slices.Sort(out)
	return out
}
