package checks

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// heldHoleLog opens a hole, rel 1001 up to 4001, above which the segment
// carries a TSval (101): it stays open past the reorder window (heldOpen),
// and the segments that fill it later are judged by their TSvals.
const heldHoleLog = `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0
10:00:00.000200 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 65160, options [mss 1460,sackOK,TS val 9 ecr 1,nop,wscale 7], length 0
10:00:00.000300 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 502, options [nop,nop,TS val 2 ecr 9], length 0
10:00:00.001000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:1001, ack 1, win 502, options [nop,nop,TS val 100 ecr 9], length 1000
10:00:00.001100 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 4001:5001, ack 1, win 502, options [nop,nop,TS val 101 ecr 9], length 1000
`

// absoluteSeq is what a seq-gap message says before each relative seq.
var absoluteSeq = regexp.MustCompile(`(seq|up to) \d+ \(`)

// TestResentPartsOfAHeldHoleAreOneFinding fills the held-open hole of
// heldHoleLog with retransmissions (TSvals above 101) and late originals
// (below), and wants one seq-gap finding per run of adjacent resent parts,
// joined with the rest of the hole when it is reported with them and
// judged alike, each at the segment after the gap (line 5).
func TestResentPartsOfAHeldHoleAreOneFinding(t *testing.T) {
	fill := func(at, seq string, tsval string) string {
		return "10:00:00." + at + " IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq " + seq + ", ack 1, win 502, options [nop,nop,TS val " + tsval + " ecr 9], length 1000\n"
	}
	ack := func(at, n string) string {
		return "10:00:00." + at + " IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack " + n + ", win 502, options [nop,nop,TS val 20 ecr 101], length 0\n"
	}
	tests := []struct {
		name, fills string
		want        []string // the seq-gap messages' starts, in order
	}{
		{"three resends in order: one finding", fill("010000", "1001:2001", "110") + fill("011000", "2001:3001", "111") + fill("012000", "3001:4001", "112"),
			[]string{"3000 bytes from client 10.0.0.1:40000 never seen: seq (rel 1001) up to (rel 4001) lost or not captured"}},
		{"resends in reverse order: one finding", fill("010000", "3001:4001", "110") + fill("011000", "2001:3001", "111") + fill("012000", "1001:2001", "112"),
			[]string{"3000 bytes from client 10.0.0.1:40000 never seen: seq (rel 1001) up to (rel 4001) lost or not captured"}},
		{"a late original ends the run", fill("010000", "1001:2001", "110") + fill("011000", "2001:3001", "111") + fill("012000", "3001:4001", "90"),
			[]string{"2000 bytes from client 10.0.0.1:40000 never seen: seq (rel 1001) up to (rel 3001) lost or not captured"}},
		{"a late original between two resends: two findings", fill("010000", "1001:2001", "110") + fill("011000", "2001:3001", "90") + fill("012000", "3001:4001", "111"),
			[]string{"1000 bytes from client 10.0.0.1:40000 never seen: seq (rel 1001) up to (rel 2001)",
				"1000 bytes from client 10.0.0.1:40000 never seen: seq (rel 3001) up to (rel 4001)"}},
		{"a run still open at the end joins the rest of its hole", fill("010000", "1001:2001", "110") + fill("011000", "2001:3001", "111"),
			[]string{"3000 bytes from client 10.0.0.1:40000 never seen: seq (rel 1001) up to (rel 4001) lost or not captured"}},
		{"the rest acknowledged is judged apart from the resent run", fill("010000", "1001:2001", "110") + fill("011000", "2001:3001", "111") + ack("012000", "5001") + fill("013000", "5001:6001", "113"),
			[]string{"1000 bytes from client 10.0.0.1:40000 never seen: seq (rel 3001) up to (rel 4001) probably not captured",
				"2000 bytes from client 10.0.0.1:40000 never seen: seq (rel 1001) up to (rel 3001) lost or not captured"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "held-hole.txt")
			if err := os.WriteFile(path, []byte(heldHoleLog+tt.fills), 0o644); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range lint(t, path, allAtInfo(nil)) {
				if f.Rule != "seq-gap" {
					continue
				}
				if f.Pos.Line != 5 {
					t.Errorf("seq-gap at line %d, want 5: %s", f.Pos.Line, f.Message)
				}
				got = append(got, absoluteSeq.ReplaceAllString(f.Message, "$1 ("))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("seq-gap findings:\n%s\nwant %d:\n%s", strings.Join(got, "\n"), len(tt.want), strings.Join(tt.want, "\n"))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("seq-gap finding %d: %q, want it to start %q", i+1, got[i], w)
				}
			}
		})
	}
}
