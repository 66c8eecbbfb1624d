package checks

import (
	"slices"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

// TestOffloadRecordings reads two downloads of testdata/record/lossy.sh:
// offload, captured on the sending host with TSO and GSO on, in segments
// of up to 65160 bytes (45 segments of 1448 on the wire), the receiver's
// ACKs inside them; offload-gro, captured on the receiving host with GRO
// on, the wire's segments joined into up to 62264 bytes. From each capture
// and from both of tcpdump's renderings, with every check on, the
// connection gets one segmentation-offload finding, nothing at warning or
// above, and nothing else that judges a segment by its size. The other
// findings of offload are what the wire saw too: the tail-loss probe that
// resent the last MSS of a 4-MSS segment (tshark: retransmission; the
// receiver's D-SACK shows it spurious) and two segments that end at the
// receiver's window as their last MSS on the wire did (tshark: window
// full).
func TestOffloadRecordings(t *testing.T) {
	const dir = "../../testdata/captures/real/"
	for _, tc := range []struct {
		name string
		want []string // the rules of the findings, in order
	}{
		{"offload.sender", []string{"segmentation-offload", "retransmission", "spurious-retransmission", "window-full", "window-full"}},
		{"offload-gro.receiver", []string{"segmentation-offload"}},
	} {
		for _, path := range []string{tc.name + ".pcap", tc.name + ".txt", tc.name + ".n-v.txt"} {
			t.Run(path, func(t *testing.T) {
				perConn := map[int]int{}
				var rulesSeen []string
				for _, f := range lint(t, dir+path, allAtInfo(nil)) {
					if f.Rule == "segmentation-offload" {
						perConn[f.Conn.ID]++
					}
					rulesSeen = append(rulesSeen, f.Rule)
				}
				if !slices.Equal(rulesSeen, tc.want) {
					t.Errorf("findings %q, want %q", rulesSeen, tc.want)
				}
				if len(perConn) != 1 || perConn[1] != 1 {
					t.Errorf("segmentation-offload findings per connection: %v, want one for the one connection", perConn)
				}
				for _, f := range lint(t, dir+path, nil) {
					if f.Severity >= rules.Warning {
						t.Errorf("default rules: %s %s %s: %s", f.Pos, f.Severity, f.Rule, f.Message)
					}
				}
			})
		}
	}
}
