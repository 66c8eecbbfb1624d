package checks

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/rules"
)

// TestParams runs annotated captures with non-default parameters.
func TestParams(t *testing.T) {
	tests := []struct {
		name    string
		capture string
		params  map[string]map[string]any
		rule    string
		want    []string // messages containing these, in order
	}{
		{"max-per-connection turns many retransmissions into a warning", "retransmission/rto.pcap",
			map[string]map[string]any{"retransmission": {"max-per-connection": 1}}, "retransmission",
			[]string{"resends 100 bytes", "resends FIN", "2 retransmissions (client 2, server 0), more than max-per-connection 1"}},
		{"threshold 1 reports every duplicate ACK", "duplicate-ack/dupacks.pcap",
			map[string]map[string]any{"duplicate-ack": {"threshold": 1}}, "duplicate-ack",
			[]string{"#1", "#2", "#3", "#4"}},
		{"a handshake-slow max of 2s accepts a 1.5s handshake", "handshake-slow/slow.pcap",
			map[string]map[string]any{"handshake-slow": {"max": "2s"}}, "handshake-slow", nil},
		{"a reorder window of 10µs makes the late segment a retransmission and the hole a gap", "out-of-order/reordered.pcap",
			map[string]map[string]any{"out-of-order": {"window": 10 * time.Microsecond}}, "out-of-order", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []rules.Finding
			for _, f := range lint(t, filepath.Join(checksTestdata, tt.capture), allAtInfo(tt.params)) {
				if f.Rule == tt.rule {
					got = append(got, f)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d %s findings, want %d: %v", len(got), tt.rule, len(tt.want), got)
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i].Message, w) {
					t.Errorf("finding %d = %q, want it to contain %q", i, got[i].Message, w)
				}
			}
		})
	}
}

// TestMaxPerConnectionIsAWarning wants the count finding at warning although
// the check runs at info.
func TestMaxPerConnectionIsAWarning(t *testing.T) {
	cfg := allAtInfo(map[string]map[string]any{"retransmission": {"max-per-connection": 1}})
	for _, f := range lint(t, filepath.Join(checksTestdata, "retransmission/rto.pcap"), cfg) {
		if strings.Contains(f.Message, "max-per-connection") && f.Severity != rules.Warning {
			t.Errorf("severity %s, want warning", f.Severity)
		}
	}
}
