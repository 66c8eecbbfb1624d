package checks

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// annotatedInputs are the captures under testdata/checks and their tcpdump
// renderings.
func annotatedInputs(t testing.TB) []string {
	t.Helper()
	caps, err := filepath.Glob(filepath.Join(checksTestdata, "*", "*.pcap"))
	if err != nil || len(caps) == 0 {
		t.Fatalf("no capture under %s", checksTestdata)
	}
	var out []string
	for _, c := range caps {
		out = append(out, c, strings.TrimSuffix(c, ".pcap")+".txt")
	}
	return out
}

// opened counts the connections a tracker opens.
type opened int

func (n *opened) Segment(_ *rules.Conn, _ rules.Dir, _ *tcp.Segment, isNew bool) {
	if isNew {
		*n++
	}
}
func (*opened) End(*rules.Conn, rules.EndReason) {}

// dirty leaves tr with ended connections to recycle and the check states' pools with
// released check states, all of them used: it runs every annotated
// capture through tr with an engine of its own, an hour earlier (so that
// the tombstones it leaves expire before the capture linted next), ends
// every connection, and returns how many it opened.
func dirty(t testing.TB, tr *rules.Tracker) int {
	t.Helper()
	eng, err := rules.NewEngine(All(), allAtInfo(nil))
	if err != nil {
		t.Fatal(err)
	}
	var n opened
	keep := tr.Observers
	tr.Observers = []rules.Observer{eng, &n}
	for _, path := range annotatedInputs(t) {
		if filepath.Ext(path) != ".pcap" {
			continue
		}
		src, closer, err := parse.OpenFile(path, parse.Options{Checksums: true})
		if err != nil {
			t.Fatal(err)
		}
		err = parse.Each(src, func(seg *tcp.Segment) {
			seg.Time = seg.Time.Add(-time.Hour)
			tr.Add(seg)
		})
		closer.Close()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	tr.Flush()
	tr.Observers = keep
	return int(n)
}

// TestRecyclingChangesNoFinding lints every annotated capture with a
// tracker that recycles connections it has used before, and check states
// used before, and wants the findings of a fresh tracker.
func TestRecyclingChangesNoFinding(t *testing.T) {
	for _, input := range annotatedInputs(t) {
		t.Run(filepath.Base(filepath.Dir(input))+"/"+filepath.Base(input), func(t *testing.T) {
			want := lint(t, input, allAtInfo(nil))
			skipped := 0
			got := lintTracked(t, input, allAtInfo(nil), func(tr *rules.Tracker) {
				tr.Recycle = true
				skipped = dirty(t, tr)
			})
			for i := range got {
				got[i].Conn.ID -= skipped
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("with recycling:\n%s\nwithout:\n%s", dump(got), dump(want))
			}
		})
	}
}

// stateWatch checks the check state of every connection that ends: before
// sees it while the engine still holds it, after wants it reset once the
// engine released it.
type stateWatch struct {
	t       *testing.T
	st      *connState
	checked int
	// withHoles counts the states that kept the storage of their holes.
	withHoles int
}

func (*stateWatch) Segment(*rules.Conn, rules.Dir, *tcp.Segment, bool) {}

// stateBefore and stateAfter sit before and after the engine.
type stateBefore struct{ *stateWatch }
type stateAfter struct{ *stateWatch }

func (w stateBefore) End(c *rules.Conn, _ rules.EndReason) { w.st = seqStates.Peek(c) }

func (w stateAfter) End(c *rules.Conn, _ rules.EndReason) {
	st := w.st
	if st == nil {
		return
	}
	w.checked++
	if seqStates.Peek(c) != nil {
		w.t.Errorf("connection %d: state still set after End", c.ID)
	}
	clean := connState{v: verdict{expired: st.v.expired}, x: st.x}
	if st.x != nil && *st.x != (extraState{}) {
		w.t.Errorf("connection %d: extra state %+v left after release", c.ID, *st.x)
	}
	for d := range st.flows {
		clean.flows[d].holes = st.flows[d].holes
		h := st.flows[d].holes
		if h == nil {
			continue
		}
		w.withHoles++
		if *h != [maxHoles]hole{} {
			w.t.Errorf("connection %d: holes %+v left after release", c.ID, *h)
		}
	}
	if len(st.v.expired) != 0 {
		w.t.Errorf("connection %d: %d expired holes left after release", c.ID, len(st.v.expired))
	}
	if !reflect.DeepEqual(*st, clean) {
		w.t.Errorf("connection %d: check state after release\n%+v\nwant\n%+v", c.ID, *st, clean)
	}
}

// TestReleasedCheckStateIsClean wants the check state of every connection
// of the annotated captures reset when the engine releases it, the
// storage of its holes kept.
func TestReleasedCheckStateIsClean(t *testing.T) {
	w := &stateWatch{t: t}
	for _, input := range annotatedInputs(t) {
		lintTracked(t, input, allAtInfo(nil), func(tr *rules.Tracker) {
			tr.Observers = append([]rules.Observer{stateBefore{w}}, tr.Observers...)
		}, stateAfter{w})
	}
	if w.checked == 0 || w.withHoles == 0 {
		t.Fatalf("%d connections ended with check state, %d kept their holes; want some of each", w.checked, w.withHoles)
	}
}
