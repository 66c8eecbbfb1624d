package parse

import (
	"flag"
	"strings"
	"testing"
)

func TestPrefixFlag(t *testing.T) {
	tests := []struct {
		arg, want, wantErr string
	}{
		{`\[tcpdump\] `, `\[tcpdump\] `, ""},
		{"^[a-z]+-1 +\\| ", "^[a-z]+-1 +\\| ", ""},
		{"([a-z", "", "not a regular expression"},
	}
	for _, tt := range tests {
		var opts Options
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(new(strings.Builder))
		fs.Var(PrefixFlag{&opts}, "strip-prefix", "")
		err := fs.Parse([]string{"--strip-prefix", tt.arg})
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: error %v, want %q", tt.arg, err, tt.wantErr)
			}
			continue
		}
		if err != nil || opts.StripPrefix == nil || opts.StripPrefix.String() != tt.want || (PrefixFlag{&opts}).String() != tt.want {
			t.Errorf("%q: %v, %v; want %q", tt.arg, opts.StripPrefix, err, tt.want)
		}
	}
	if s := (PrefixFlag{}).String(); s != "" {
		t.Errorf("the zero flag's String is %q", s)
	}
}
