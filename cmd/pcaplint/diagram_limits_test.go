package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/bench/synflood/flood"
)

// longLog writes a tcpdump log of one connection of n data segments after
// the handshake, each acknowledged, and returns its path.
func longLog(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("09:30:00.000001 IP 192.0.2.10.51000 > 192.0.2.80.8080: Flags [S], seq 1000, win 65535, length 0\n")
	b.WriteString("09:30:00.000002 IP 192.0.2.80.8080 > 192.0.2.10.51000: Flags [S.], seq 5000, ack 1001, win 65535, length 0\n")
	b.WriteString("09:30:00.000003 IP 192.0.2.10.51000 > 192.0.2.80.8080: Flags [.], ack 1, win 65535, length 0\n")
	for i := range n {
		us := 10 + 2*i
		fmt.Fprintf(&b, "09:30:00.%06d IP 192.0.2.10.51000 > 192.0.2.80.8080: Flags [P.], seq %d:%d, ack 1, win 65535, length 100\n", us, 1+100*i, 101+100*i)
		fmt.Fprintf(&b, "09:30:00.%06d IP 192.0.2.80.8080 > 192.0.2.10.51000: Flags [.], ack %d, win 65535, length 0\n", us+1, 101+100*i)
	}
	path := filepath.Join(t.TempDir(), "long.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// synFlood writes a capture of n unanswered SYNs, each from its own
// endpoint, and returns its path.
func synFlood(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "flood.pcap")
	if err := flood.WriteFile(path, n); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOversizedDiagramsAreRefusedBeforeDrawing: 200 SYNs drawn merged as a
// PNG would be 1.6 billion pixels (6.5 GB and 200 s; 10,000 SYNs asked for
// 12 TB), and a connection of 2,500 round trips drawn unfolded is 15,000
// elements for Graphviz (100,000 took gigabytes). Each is refused at once,
// naming the limit and the flag that raises it; nothing is written; the
// same inputs draw within the limits, or with -1 for none.
func TestOversizedDiagramsAreRefusedBeforeDrawing(t *testing.T) {
	flood, long := synFlood(t, 200), longLog(t, 2_500)
	tests := []struct {
		name string
		args []string
		want string // in stderr; "" when the diagram is drawn
	}{
		{"merged flood as PNG", []string{flood, "--merged"}, "more than the limit of 20,000,000 pixels (--max-pixels)"},
		{"merged flood as SVG", []string{flood, "--merged"}, ""},
		{"unfolded connection", []string{long, "--max-rows", "0"}, "more than the limit of 12,000 (--max-elements)"},
		{"unfolded connection as PNG", []string{long, "--max-rows", "0"}, "(--max-elements)"},
		{"folded connection as PNG", []string{long}, ""},
		{"a lowered limit", []string{long, "--max-elements", "50"}, "more than the limit of 50 (--max-elements)"},
		{"no limit", []string{flood, "--merged", "--max-elements", "-1"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ext := ".svg"
			if strings.HasSuffix(tt.name, "PNG") {
				ext = ".png"
			}
			out := filepath.Join(t.TempDir(), "d"+ext)
			code, _, stderr := runCmd(t, builtinChecks(), append([]string{"diagram", "-o", out}, tt.args...)...)
			_, statErr := os.Stat(out)
			if tt.want == "" {
				if code != 0 || statErr != nil {
					t.Fatalf("exit %d, %v, stderr %s", code, statErr, stderr)
				}
				return
			}
			if code != exitError || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q: want exit 2 and %q", code, stderr, tt.want)
			}
			if statErr == nil {
				t.Errorf("%s was written", out)
			}
		})
	}
}
