package tcpdump

import "testing"

func TestParseUintNeverWraps(t *testing.T) {
	tests := []struct {
		in     string
		max    uint64
		want   uint64
		wantOK bool
	}{
		{"0", 65535, 0, true},
		{"65535", 65535, 65535, true},
		{"65536", 65535, 0, false},
		{"4611686018427387904", 1 << 62, 1 << 62, true},
		{"4611686018427387905", 1 << 62, 0, false},
		{"9223372036854775807", 1<<63 - 1, 1<<63 - 1, true},
		{"18446744073709551615", 1<<64 - 1, 1<<64 - 1, true},
		{"18446744073709551620", 1<<64 - 1, 0, false}, // wrapped to 4 before
		{"18446744073709551620", 1 << 62, 0, false},
		{"99999999999999999999", 1<<64 - 1, 0, false},
		{"7", 5, 0, false},
		{"12 rest", 100, 12, true},
	}
	for _, tt := range tests {
		v, _, ok := parseUint([]byte(tt.in), tt.max)
		if v != tt.want || ok != tt.wantOK {
			t.Errorf("parseUint(%q, %d) = %d, %v; want %d, %v", tt.in, tt.max, v, ok, tt.want, tt.wantOK)
		}
	}
}
