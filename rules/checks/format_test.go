package checks

import (
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

// Windows are printed in bytes, scaled (RFC 7323 section 2.2), with the
// field and the factor beside them when they differ.
func TestWindowsArePrintedInBytes(t *testing.T) {
	conn := func(clientScale, serverScale int8, syns int) *rules.Conn {
		c := &rules.Conn{}
		c.Sides[rules.FromClient].WScale, c.Sides[rules.FromServer].WScale = clientScale, serverScale
		c.Sides[rules.FromClient].SYNs, c.Sides[rules.FromServer].SYNs = syns, syns
		return c
	}
	tests := []struct {
		name       string
		c          *rules.Conn
		one, moved string
	}{
		{"scaled by 2^10", conn(10, 7, 1), "311296 bytes (field 304 × 1024)", "from 0 to 311296 bytes (field 0 → 304, × 1024)"},
		{"the peer sent no window scale, so none applies", conn(10, -1, 1), "304 bytes", "from 0 to 304 bytes"},
		{"scale 0", conn(0, 7, 1), "304 bytes", "from 0 to 304 bytes"},
		{"no SYN captured", conn(-1, -1, 0), "field 304 (window scale unknown: a SYN not captured)",
			"from field 0 to 304 (window scale unknown: a SYN not captured)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := windowOf(tt.c, rules.FromClient, 304); got != tt.one {
				t.Errorf("windowOf = %q, want %q", got, tt.one)
			}
			if got := windowChange(tt.c, rules.FromClient, 0, 304); got != tt.moved {
				t.Errorf("windowChange = %q, want %q", got, tt.moved)
			}
		})
	}
}
