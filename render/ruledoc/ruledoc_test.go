package ruledoc

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
)

var stub = []*rules.Check{
	{ID: "push-data", Title: "A segment pushes data", Default: rules.Warning,
		Doc:       "Fires on every segment with PSH set.",
		Triggers:  "IP a > b: Flags [P.], length 7\nIP b > a: Flags [.], length 0",
		RFC:       "RFC 9293 section 3.9.1.2",
		Wireshark: "none",
		Params: []*rules.Param{{Name: "min", Default: rules.IntValue(1), Doc: "fewest payload bytes"},
			{Name: "after", Default: rules.DurationValue(time.Second), Min: rules.DurationValue(0), Max: rules.DurationValue(time.Minute), Doc: "ignore the first"}}},
	{ID: "never-fires", Title: "Nothing", Default: rules.Off},
}

func TestText(t *testing.T) {
	tests := []struct {
		check *rules.Check
		want  string
	}{
		{stub[0], `push-data: A segment pushes data

Default severity: warning

Fires on every segment with PSH set.

Triggers on:
  IP a > b: Flags [P.], length 7
  IP b > a: Flags [.], length 0

RFC:
  RFC 9293 section 3.9.1.2

Wireshark:
  none

Parameters:
  min (int, default 1): fewest payload bytes
  after (duration, default 1s, 0s to 1m): ignore the first
`},
		{stub[1], "never-fires: Nothing\n\nDefault severity: off\n"},
	}
	for _, tt := range tests {
		if got := Text(tt.check); got != tt.want {
			t.Errorf("%s:\n%s\nwant\n%s", tt.check.ID, got, tt.want)
		}
	}
}

func TestShow(t *testing.T) {
	tests := []struct {
		id, want, wantErr string
	}{
		{"never-fires", Text(stub[1]), ""},
		{"push-dat", "", `no check "push-dat" (did you mean push-data?); pcaplint rules list shows them all`},
		{"zzz", "", `no check "zzz"; pcaplint rules list shows them all`},
	}
	for _, tt := range tests {
		var b strings.Builder
		err := Show(&b, stub, tt.id)
		if b.String() != tt.want || (err == nil) != (tt.wantErr == "") || err != nil && err.Error() != tt.wantErr {
			t.Errorf("%s: %q, %v; want %q, %s", tt.id, b.String(), err, tt.want, tt.wantErr)
		}
	}
}

func TestList(t *testing.T) {
	var b strings.Builder
	if err := List(&b, stub); err != nil {
		t.Fatal(err)
	}
	const want = "ID           DEFAULT  TITLE\npush-data    warning  A segment pushes data\nnever-fires  off      Nothing\n"
	if b.String() != want {
		t.Errorf("%q, want %q", b.String(), want)
	}
}

func TestMarkdownSections(t *testing.T) {
	md := string(Markdown(stub))
	for _, want := range []string{
		"| [`push-data`](#push-data) | warning | A segment pushes data |\n",
		"\n## never-fires\n\n**Nothing.** Default severity: off.\n",
		"\nTriggers on:\n\n```\nIP a > b: Flags [P.], length 7\nIP b > a: Flags [.], length 0\n```\n",
		"\nRFC: RFC 9293 section 3.9.1.2\n",
		"| `min` | int | `1` | none | fewest payload bytes |\n",
		"| `after` | duration | `1s` | 0s to 1m | ignore the first |\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in\n%s", want, md)
		}
	}
}

// TestDocsRulesIsUpToDate fails when a check's documentation changed and
// docs/rules.md was not generated again.
func TestDocsRulesIsUpToDate(t *testing.T) {
	const path = "../../docs/rules.md"
	want := Markdown(append(checks.All(), checks.Limits()...))
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go generate ./cmd/pcaplint)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s is stale: run go generate ./cmd/pcaplint and commit the result", path)
	}
}
