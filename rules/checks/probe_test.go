package checks

import (
	"slices"
	"testing"
)

// TestLinuxZeroWindowProbes reads real Linux recordings: the empty
// segments at snd.una - 1 that Linux sends while the peer's window is 0
// are zero-window probes, and the same segments on an idle connection
// whose window is open are keep-alives.
func TestLinuxZeroWindowProbes(t *testing.T) {
	for _, tc := range []struct {
		path              string
		probes, keepAlive []int // packets
	}{
		{"../../testdata/captures/real/zero-window.pcap", []int{8, 10}, nil},
		{"../../testdata/captures/real/keepalive.pcap", nil, []int{8, 10, 12}},
		{"../../testdata/agreement/linux-loopback.pcap", []int{8, 10}, []int{48, 50, 52}},
	} {
		t.Run(tc.path[len("../../testdata/"):], func(t *testing.T) {
			got := map[string][]int{}
			for _, f := range lint(t, tc.path, allAtInfo(nil)) {
				if f.Rule == "zero-window-probe" || f.Rule == "keep-alive" {
					got[f.Rule] = append(got[f.Rule], f.Pos.Packet)
				}
			}
			if !slices.Equal(got["zero-window-probe"], tc.probes) || !slices.Equal(got["keep-alive"], tc.keepAlive) {
				t.Errorf("zero-window-probe at %v, keep-alive at %v; want %v and %v",
					got["zero-window-probe"], got["keep-alive"], tc.probes, tc.keepAlive)
			}
		})
	}
}
