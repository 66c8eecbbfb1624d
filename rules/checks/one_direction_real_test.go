package checks

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// dirOf is an observer that notes which direction each segment went, by
// its position in the input.
type dirOf struct {
	dirs  map[tcp.Pos]rules.Dir
	conns map[int]bool
}

func (o *dirOf) Segment(c *rules.Conn, d rules.Dir, seg *tcp.Segment, _ bool) {
	o.dirs[seg.Pos] = d
	o.conns[c.ID] = true
}

func (o *dirOf) End(*rules.Conn, rules.EndReason) {}

// runKept runs the default rule set over segs, and returns the findings
// and the number of connections.
func runKept(t *testing.T, segs []tcp.Segment) ([]rules.Finding, int) {
	t.Helper()
	eng, err := rules.NewEngine(All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	o := &dirOf{dirs: map[tcp.Pos]rules.Dir{}, conns: map[int]bool{}}
	tr := rules.NewTracker(eng, o)
	for i := range segs {
		tr.Add(&segs[i])
	}
	tr.Flush()
	return eng.Findings(), len(o.conns)
}

// TestOneDirectionOfRealRecordings keeps, of every healthy real recording
// (pcap and text), only the client's packets, then only the server's, as
// a capture filter on one side would: with the default rule set, every
// connection gets one one-direction-captured info, and nothing is at
// warning or above.
func TestOneDirectionOfRealRecordings(t *testing.T) {
	for _, path := range realRecordings(t) {
		// refused: one packet each way, and a lone SYN is what an
		// unanswered connect looks like (handshake-incomplete).
		if isFaultRecording(path) || strings.HasPrefix(filepath.Base(path), "refused.") {
			continue
		}
		segs := readSegments(t, path)
		all := &dirOf{dirs: map[tcp.Pos]rules.Dir{}, conns: map[int]bool{}}
		lint(t, path, nil, all)
		for _, keep := range []rules.Dir{rules.FromClient, rules.FromServer} {
			t.Run(filepath.Base(path)+"/"+keep.String(), func(t *testing.T) {
				var kept []tcp.Segment
				for _, s := range segs {
					if d, ok := all.dirs[s.Pos]; ok && d == keep {
						kept = append(kept, s)
					}
				}
				findings, conns := runKept(t, kept)
				marked := 0
				for _, f := range findings {
					if f.Rule == "one-direction-captured" {
						marked++
					}
					if f.Severity >= rules.Warning {
						t.Errorf("%s %s %s: %s", f.Pos, f.Severity, f.Rule, f.Message)
					}
				}
				if marked != conns {
					t.Errorf("%d one-direction-captured findings, %d connections", marked, conns)
				}
			})
		}
	}
}
