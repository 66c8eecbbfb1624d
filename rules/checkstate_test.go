package rules

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// segCount is a test check's state: the segments it saw of a connection.
type segCount struct{ n, resets int }

// Reset counts how often the state was released, which a zeroed state
// would forget.
func (s *segCount) Reset() { *s = segCount{resets: s.resets + 1} }

var segCounts = NewCheckState[segCount]("test: segments")

func TestCheckStateIsEachConnectionsOwn(t *testing.T) {
	var seen []segCount
	c := &Check{ID: "count", Default: Info,
		Segment: func(p *Pass) { segCounts.Of(p.Conn).n++ },
		End: func(p *Pass) {
			if s := segCounts.Peek(p.Conn); s != nil {
				seen = append(seen, *s)
			}
		}}
	eng, err := NewEngine([]*Check{c}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tr := NewTracker(eng)
	tr.NoTransitions = true
	for i := range 3 {
		for range i + 1 {
			seg := synFrom(1024+i, i)
			tr.Add(&seg)
		}
	}
	tr.Flush()
	if len(seen) != 3 {
		t.Fatalf("%d connections ended with state, want 3", len(seen))
	}
	for i, s := range seen {
		if s.n != i+1 {
			t.Errorf("connection %d: %d segments counted, want %d", i, s.n, i+1)
		}
	}
}

func TestCheckStatePeekBeforeOfIsNil(t *testing.T) {
	var conn Conn
	if segCounts.Peek(&conn) != nil {
		t.Fatal("Peek before Of gave a state")
	}
	s := segCounts.Of(&conn)
	if s.n != 0 {
		t.Errorf("a new connection's state is %+v, want it empty", *s)
	}
	s.n = 5
	resets := s.resets
	if segCounts.Peek(&conn) != s || segCounts.Of(&conn) != s {
		t.Error("Peek and Of after Of give another state")
	}
	if bigStateKey.Peek(&conn) != nil {
		t.Error("one key's Of gave another key a state")
	}
	releaseStates(&conn)
	if conn.states != nil || segCounts.Peek(&conn) != nil {
		t.Error("the state outlived its release")
	}
	// A state released serves again as its Reset method left it (a
	// state used before keeps its count of resets), not zeroed.
	if s.resets != resets+1 || s.n != 0 {
		t.Errorf("released state %+v, want it Reset once (%d resets before)", *s, resets)
	}
}

// synFrom is a SYN from port port of 10.0.0.1, at packet i+1.
func synFrom(port, i int) tcp.Segment {
	return tcp.Segment{Src: tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.1"), Port: uint16(port)},
		Dst:   tcp.Endpoint{Addr: netip.MustParseAddr("192.0.2.1"), Port: 80},
		Flags: tcp.SYN, Seq: 1000, Known: tcp.KnownAll, Pos: tcp.Pos{File: "syns", Packet: i + 1}}
}

func TestAnalysesRunOnceAfterThoseTheyRequire(t *testing.T) {
	var order []string
	analysis := func(name string, requires ...*Analysis) *Analysis {
		return &Analysis{Name: name, Requires: requires, Segment: func(*Conn, Dir, *tcp.Segment, bool) SegmentKind {
			order = append(order, name)
			return 0
		}}
	}
	base := analysis("base")
	mid := analysis("mid", base)
	top := analysis("top", mid, base)
	unused := analysis("unused")
	checks := []*Check{
		{ID: "a", Default: Info, Requires: []*Analysis{top}, Segment: func(*Pass) { order = append(order, "a") }},
		{ID: "b", Default: Info, Requires: []*Analysis{base, mid}},
		{ID: "off", Default: Off, Requires: []*Analysis{unused}},
	}
	eng, err := NewEngine(checks, nil)
	if err != nil {
		t.Fatal(err)
	}
	synFlood(eng, 1)
	if got, want := strings.Join(order, " "), "base mid top a"; got != want {
		t.Errorf("ran %q on a segment, want %q", got, want)
	}
}

func TestAnalysesRequiringThemselvesAreAnError(t *testing.T) {
	a := &Analysis{Name: "a"}
	b := &Analysis{Name: "b", Requires: []*Analysis{a}}
	a.Requires = []*Analysis{b}
	_, err := NewEngine([]*Check{{ID: "loop", Default: Info, Requires: []*Analysis{b}}}, nil)
	if err == nil || !strings.Contains(err.Error(), "check loop: analysis b requires itself (b -> a -> b)") {
		t.Errorf("error %v, want the cycle b -> a -> b named", err)
	}
}

func TestEngineWithoutAnalysesRunsNone(t *testing.T) {
	ran := false
	an := &Analysis{Name: "seq", Segment: func(*Conn, Dir, *tcp.Segment, bool) SegmentKind { ran = true; return 0 }}
	eng, err := NewEngine([]*Check{
		{ID: "needs", Default: Off, Requires: []*Analysis{an}, Segment: func(*Pass) {}},
		{ID: "plain", Default: Info, Segment: func(*Pass) {}},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	synFlood(eng, 3)
	if ran {
		t.Error("an analysis that only a check turned off requires ran")
	}
}
