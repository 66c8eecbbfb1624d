package report

import (
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

func TestParseFailOn(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want rules.Severity
		err  bool
	}{
		{"error", rules.Error, false},
		{"warning", rules.Warning, false},
		{"info", rules.Info, false},
		{"never", rules.Off, false},
		{"off", rules.Off, true},
		{"fatal", rules.Off, true},
		{"", rules.Off, true},
	} {
		got, err := ParseFailOn(tc.in)
		if got != tc.want || (err != nil) != tc.err {
			t.Errorf("ParseFailOn(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}
