package rules

import (
	"slices"
	"testing"
)

func TestSeverityNamesAreDefinedOnce(t *testing.T) {
	for _, name := range SeverityNames() {
		s, err := ParseSeverity(name)
		if err != nil || s.String() != name {
			t.Errorf("%q reads as %v, %v", name, s, err)
		}
	}
	if got := FailOnNames(); !slices.Equal(got, []string{"error", "warning", "info", "never"}) {
		t.Errorf("FailOnNames() = %q", got)
	}
	tests := []struct {
		in   string
		want Severity
		err  string
	}{
		{"error", Error, ""}, {"info", Info, ""}, {"never", Off, ""},
		{"off", Off, `must be error, warning, info or never, not "off"`},
		{"fatal", Off, `must be error, warning, info or never, not "fatal"`},
	}
	for _, tt := range tests {
		got, err := ParseFailOn(tt.in)
		if got != tt.want || (err == nil) != (tt.err == "") || err != nil && err.Error() != tt.err {
			t.Errorf("ParseFailOn(%q) = %v, %v; want %v, %q", tt.in, got, err, tt.want, tt.err)
		}
	}
	if _, err := ParseSeverity("fatal"); err == nil || err.Error() != `unknown severity "fatal" (want off, info, warning or error)` {
		t.Errorf("ParseSeverity(fatal): %v", err)
	}
}
