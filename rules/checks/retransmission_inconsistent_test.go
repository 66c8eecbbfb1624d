package checks

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestRetransmissionInconsistentEveryDump lints the crafted capture of
// retransmission-inconsistent and tcpdump's renderings of it: every hex
// dump (-x, -xx, -X, -XX) carries the bytes and must give the capture's
// findings; plain text and -A (unprintable bytes as dots, a CR before a
// LF dropped) carry none that can be compared, and must give none.
func TestRetransmissionInconsistentEveryDump(t *testing.T) {
	const stem = "../../testdata/captures/craft/check-retransmission-inconsistent"
	messages := func(path string) []string {
		var out []string
		for _, f := range lint(t, path, allAtInfo(nil)) {
			if f.Rule == retransmissionInconsistent.ID {
				out = append(out, f.Conn.Client.String()+": "+f.Message)
			}
		}
		return out
	}
	want := messages(stem + ".pcap")
	if len(want) != 2 {
		t.Fatalf("the capture gives %d findings, want 2 (ports 51000 and 51003): %q", len(want), want)
	}
	for _, c := range []struct {
		suffix string
		same   bool
	}{
		{".x.txt", true}, {".xx.txt", true}, {".X.txt", true}, {".XX.txt", true},
		{".txt", false}, {".A.txt", false},
	} {
		t.Run(filepath.Base(stem+c.suffix), func(t *testing.T) {
			got := messages(stem + c.suffix)
			switch {
			case c.same && !slices.Equal(got, want):
				t.Errorf("got %q\nwant the capture's %q", got, want)
			case !c.same && len(got) > 0:
				t.Errorf("no bytes to compare, yet %q", got)
			}
		})
	}
}

// TestSentBytes follows the kept bytes of one direction through ACKs,
// holes, the bound and the wrap of sequence numbers.
func TestSentBytes(t *testing.T) {
	type step struct {
		ack      uint32 // when not 0, the peer acknowledges up to here first
		seq      uint32
		data     string
		overlap  int // what compare says before the bytes are added
		differ   int
		first    uint32
		wantKept string // the bytes kept after the step
	}
	var wrap uint32 = 0xFFFFFFFE // a variable: its sums wrap
	for _, c := range []struct {
		name  string
		limit int
		steps []step
	}{
		{"resent the same", 100, []step{
			{seq: 1, data: "abcd", wantKept: "abcd"},
			{seq: 1, data: "abcd", overlap: 4, wantKept: "abcd"},
		}},
		{"resent changed", 100, []step{
			{seq: 1, data: "abcd", wantKept: "abcd"},
			{seq: 5, data: "efgh", wantKept: "abcdefgh"},
			{seq: 3, data: "cXeY", overlap: 4, differ: 2, first: 4, wantKept: "abcdefgh"},
		}},
		{"partial overlap adds the new part", 100, []step{
			{seq: 1, data: "abcd", wantKept: "abcd"},
			{seq: 3, data: "cdef", overlap: 2, wantKept: "abcdef"},
		}},
		{"acknowledged bytes leave", 100, []step{
			{seq: 1, data: "abcd", wantKept: "abcd"},
			{ack: 3, seq: 5, data: "ef", wantKept: "cdef"},
			{ack: 7, seq: 7, data: "gh", wantKept: "gh"},
		}},
		{"a hole starts a new run", 100, []step{
			{seq: 1, data: "abcd", wantKept: "abcd"},
			{seq: 9, data: "ij", wantKept: "ij"},
			{seq: 5, data: "efgh", wantKept: "ij"},
			{seq: 9, data: "iX", overlap: 2, differ: 1, first: 10, wantKept: "ij"},
		}},
		{"the bound keeps the oldest", 4, []step{
			{seq: 1, data: "abc", wantKept: "abc"},
			{seq: 4, data: "def", wantKept: "abcd"},
			{seq: 7, data: "g", wantKept: "abcd"},
			{seq: 4, data: "dXf", overlap: 1, wantKept: "abcd"},
			{ack: 3, seq: 8, data: "h", wantKept: "cd"},
		}},
		{"across the wrap", 100, []step{
			{seq: wrap, data: "abcd", wantKept: "abcd"},
			{ack: wrap + 1, seq: wrap + 4, data: "e", wantKept: "bcde"},
			{seq: wrap + 2, data: "cX", overlap: 2, differ: 1, first: wrap + 3, wantKept: "bcde"},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &sentBytes{}
			for i, st := range c.steps {
				if st.ack != 0 {
					s.ack(st.ack)
				}
				overlap, differ, first := s.compare(st.seq, []byte(st.data))
				if overlap != st.overlap || differ != st.differ || (differ > 0 && first != st.first) {
					t.Errorf("step %d: compare = %d overlap, %d differ from %d; want %d, %d from %d", i, overlap, differ, first, st.overlap, st.differ, st.first)
				}
				s.add(st.seq, []byte(st.data), c.limit)
				if got := string(s.kept()); got != st.wantKept {
					t.Errorf("step %d: kept %q, want %q", i, got, st.wantKept)
				}
			}
		})
	}
}
