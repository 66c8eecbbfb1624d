package tcpdump

import (
	"net/netip"
	"testing"
)

func TestParseIPv4(t *testing.T) {
	for _, tc := range []struct {
		text string
		ok   bool
	}{
		{"127.0.0.1", true},
		{"0.0.0.0", true},
		{"255.255.255.255", true},
		{"10.200.30.4", true},
		{"256.0.0.1", false},
		{"1.2.3.2550", false},
		{"01.2.3.4", false},
		{"1.2.3.00", false},
		{"1.2.3", false},
		{"1.2.3.4.5", false},
		{"1..3.4", false},
		{".1.2.3", false},
		{"1.2.3.", false},
		{"1.2.3.4 ", false},
		{"a.b.c.d", false},
		{"::1", false},
		{"", false},
		{"99999999999999999999.1.1.1", false},
	} {
		got, ok := parseIPv4([]byte(tc.text))
		if ok != tc.ok {
			t.Errorf("parseIPv4(%q) ok = %v, want %v", tc.text, ok, tc.ok)
			continue
		}
		if ok && got != netip.MustParseAddr(tc.text) {
			t.Errorf("parseIPv4(%q) = %v", tc.text, got)
		}
	}
}
