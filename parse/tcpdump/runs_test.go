package tcpdump

import (
	"os"
	"testing"
)

// twoRuns is two live tcpdump runs appended to one log with 2>&1, as
// tcpdump 4.99 prints them: the banners and the counts come from its
// standard error.
const twoRuns = `tcpdump: verbose output suppressed, use -v[v]... for full protocol decode
listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes
10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 502, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 502, length 0
10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0
10:00:00.000300 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100

4 packets captured
8 packets received by filter
3 packets dropped by kernel
tcpdump: verbose output suppressed, use -v[v]... for full protocol decode
listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes
10:00:01.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1301:1401, ack 5001, win 502, length 100
10:00:01.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 100, win 502, length 0

2 packets captured
2 packets received by filter
1 packet dropped by kernel
1 packet dropped by interface
`

func TestKernelDropsAreSummedOverTheRunsOfALog(t *testing.T) {
	segs, st := mustRead(t, twoRuns, Options{})
	if st.KernelDrops != 4 || st.DropReports != 2 {
		t.Errorf("kernel drops %d in %d reports, want 4 in 2 (interface drops are not capture loss)", st.KernelDrops, st.DropReports)
	}
	if len(segs) != 6 {
		t.Fatalf("%d segments, want 6", len(segs))
	}
	// The second run prints its first ACK-bearing segment absolute and
	// numbers the rest from it, as a new tcpdump process does.
	if s := segs[4]; s.Seq != 1301 || s.Ack != 5001 {
		t.Errorf("second run, first segment: seq %d ack %d, want 1301 5001", s.Seq, s.Ack)
	}
	if s := segs[5]; s.Ack != 1401 {
		t.Errorf("second run, second segment: ack %d, want 1401 (relative to the new run's base)", s.Ack)
	}
}

func TestALogWithoutCountsSaysNothingOfDrops(t *testing.T) {
	_, st := mustRead(t, "10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 502, length 0\n", Options{})
	if st.KernelDrops != 0 || st.DropReports != 0 {
		t.Errorf("kernel drops %d in %d reports, want none", st.KernelDrops, st.DropReports)
	}
}

// A capture rendered by two runs of tcpdump -r gives the segments of one
// rendering: a pure ACK that restarts the numbering without showing its
// seq takes its base from what the first run showed.
func TestTwoRunsGiveTheSegmentsOfOne(t *testing.T) {
	read := func(name string) []string {
		b, err := os.ReadFile("../../testdata/captures/real/" + name)
		if err != nil {
			t.Fatal(err)
		}
		segs, _ := mustRead(t, string(b), Options{})
		var out []string
		for _, s := range segs {
			out = append(out, s.Src.String()+" "+s.Flags.String()+" "+itoa(int(s.Seq))+" "+itoa(int(s.Ack))+" "+itoa(int(s.Known)))
		}
		return out
	}
	one, two := read("zero-window.txt"), read("zero-window.two-runs.txt")
	if len(one) != len(two) {
		t.Fatalf("%d segments from two runs, %d from one", len(two), len(one))
	}
	for i := range one {
		if one[i] != two[i] {
			t.Errorf("segment %d: %s from two runs, %s from one", i+1, two[i], one[i])
		}
	}
}
