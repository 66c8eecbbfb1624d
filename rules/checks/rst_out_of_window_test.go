package checks

import (
	"os"
	"path/filepath"
	"testing"
)

// closedPortLog is a download whose client closed (its FIN acknowledged)
// before a segment the network delayed reached it: the client, without a
// connection, answers with a RST at the segment's ack; then RST is the
// last line.
const closedPortLog = `03:04:05.000000 IP 10.0.0.1.40000 > 10.0.0.2.9502: Flags [S], seq 1000, win 65535, options [mss 1460,nop,nop,sackOK,nop,wscale 0], length 0
03:04:05.000100 IP 10.0.0.2.9502 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 65535, options [mss 1460,nop,nop,sackOK,nop,wscale 0], length 0
03:04:05.000200 IP 10.0.0.1.40000 > 10.0.0.2.9502: Flags [P.], seq 1:8, ack 1, win 65535, length 7
03:04:05.000300 IP 10.0.0.2.9502 > 10.0.0.1.40000: Flags [.], seq 1:1001, ack 8, win 65535, length 1000
03:04:05.000400 IP 10.0.0.2.9502 > 10.0.0.1.40000: Flags [FP.], seq 2001:3001, ack 8, win 65535, length 1000
03:04:05.000500 IP 10.0.0.1.40000 > 10.0.0.2.9502: Flags [.], ack 1001, win 65535, options [nop,nop,sack 1 {2001:3002}], length 0
03:04:05.000600 IP 10.0.0.2.9502 > 10.0.0.1.40000: Flags [.], seq 1001:2001, ack 8, win 65535, length 1000
03:04:05.000700 IP 10.0.0.1.40000 > 10.0.0.2.9502: Flags [F.], seq 8, ack 3002, win 65535, length 0
03:04:05.000800 IP 10.0.0.2.9502 > 10.0.0.1.40000: Flags [.], ack 9, win 65535, length 0
03:04:05.010000 IP 10.0.0.2.9502 > 10.0.0.1.40000: Flags [.], seq 1001:2001, ack 8, win 65535, length 1000
`

// TestRSTOutOfWindowSparesAClosedPort wants no rst-out-of-window for the
// RST a closed end sends at the ack of a segment that came after the close
// (any seq it sent, up to its FIN), and one for a RST outside that.
func TestRSTOutOfWindowSparesAClosedPort(t *testing.T) {
	tests := []struct {
		name, rst string
		want      int
	}{
		{"a RST at the stale segment's ack is a closed port's answer", "seq 1008, win 0", 0},
		{"a RST at an older ack of the peer is one too", "seq 1005, win 0", 0},
		{"a RST beyond what its sender sent is still a blind reset", "seq 901008, win 0", 1},
		{"a RST before its sender's ISN is still a blind reset", "seq 900, win 0", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := closedPortLog + "03:04:05.010100 IP 10.0.0.1.40000 > 10.0.0.2.9502: Flags [R], " + tt.rst + ", length 0\n"
			path := filepath.Join(t.TempDir(), "closed-port.txt")
			if err := os.WriteFile(path, []byte(log), 0o644); err != nil {
				t.Fatal(err)
			}
			got := 0
			for _, f := range lint(t, path, allAtInfo(nil)) {
				if f.Rule == "rst-out-of-window" {
					got++
				}
			}
			if got != tt.want {
				t.Errorf("%d rst-out-of-window findings, want %d", got, tt.want)
			}
		})
	}
}
