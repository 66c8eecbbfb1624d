package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

func TestAReportDecodedFromJSONPrintsTheSame(t *testing.T) {
	orig := sampleReport()
	var doc JSONReport
	if err := json.Unmarshal(print(t, "json", Options{}, orig), &doc); err != nil {
		t.Fatal(err)
	}
	back, err := doc.Report()
	if err != nil {
		t.Fatal(err)
	}
	o := Options{FailOn: rules.Warning, Checks: sampleChecks(), Version: "test"}
	for _, format := range []string{"text", "sarif", "junit", "github"} {
		t.Run(format, func(t *testing.T) {
			want, got := print(t, format, o, orig), print(t, format, o, back)
			if !bytes.Equal(got, want) {
				t.Errorf("decoded report prints\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func TestParseEndpointReadsWhatStringPrints(t *testing.T) {
	for _, s := range []string{"10.0.0.1:80", "[2001:db8::1]:443", "::ffff:10.0.0.1:80", "db.example.com:5432"} {
		t.Run(s, func(t *testing.T) {
			e, err := parseEndpoint(s)
			if err != nil || e.String() != s {
				t.Errorf("parseEndpoint(%q) = %v, %v; prints %q", s, e, err, e.String())
			}
		})
	}
	for _, s := range []string{"10.0.0.1", "host:http", "host:70000"} {
		if _, err := parseEndpoint(s); err == nil {
			t.Errorf("parseEndpoint(%q) succeeded", s)
		}
	}
}
