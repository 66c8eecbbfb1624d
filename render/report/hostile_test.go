package report

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

const (
	nastyPath = "we\"ird <&> dir/line\nbreak::error file=x::%0A,100%.txt"
	nastyHost = "evil\r\n::error::forged<b>&\x1b[31m"
	nastyMsg  = "msg with \"quotes\", <tags> & 50% \n::warning::injected"
)

// nastyReport has hostile file, host and message strings in every field a
// printer shows.
func nastyReport() *Report {
	c := &rules.Conn{ID: 1, Client: tcp.Endpoint{Name: nastyHost, Port: 1}, Server: ep("10.0.0.2", 80), Start: t0, End: t0}
	return &Report{Files: []File{{Path: nastyPath, Conns: []*rules.Conn{c},
		Findings: []rules.Finding{
			finding(c, "seq-gap", rules.Error, tcp.Pos{File: nastyPath, Line: 3}, nastyMsg),
			finding(c, "rst-unexpected", rules.Warning, tcp.Pos{File: nastyPath, Packet: 9, Offset: 10}, nastyMsg),
		}}}}
}

func TestHostileStringsAreEscapedInEveryFormat(t *testing.T) {
	o := Options{FailOn: rules.Info, Checks: sampleChecks()}
	t.Run("text keeps one line per finding and no escape sequence", func(t *testing.T) {
		out := string(print(t, "text", o, nastyReport()))
		if n := strings.Count(out, "\n"); n != 3 {
			t.Errorf("%d lines, want 3:\n%s", n, out)
		}
		if strings.ContainsAny(out, "\x1b\r") {
			t.Errorf("control characters pass through: %q", out)
		}
	})
	t.Run("json round-trips the strings", func(t *testing.T) {
		var got struct {
			Files []struct {
				Path     string
				Findings []struct {
					Message string
					Conn    struct{ Client string }
				}
			}
		}
		if err := json.Unmarshal(print(t, "json", o, nastyReport()), &got); err != nil {
			t.Fatal(err)
		}
		f := got.Files[0]
		if f.Path != nastyPath || f.Findings[0].Message != nastyMsg || !strings.HasPrefix(f.Findings[0].Conn.Client, nastyHost) {
			t.Errorf("strings changed: %+v", f)
		}
	})
	t.Run("sarif is valid and round-trips the message", func(t *testing.T) {
		log := checkSARIF(t, print(t, "sarif", o, nastyReport()))
		if got := *(*log.Runs[0].Results)[0].Message.Text; got != nastyMsg {
			t.Errorf("message %q", got)
		}
	})
	t.Run("junit is well-formed XML that round-trips the names", func(t *testing.T) {
		var got struct {
			Suites []struct {
				Name  string `xml:"name,attr"`
				Cases []struct {
					Name     string `xml:"name,attr"`
					Failures []struct {
						Message string `xml:"message,attr"`
					} `xml:"failure"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		if err := xml.Unmarshal(print(t, "junit", o, nastyReport()), &got); err != nil {
			t.Fatal(err)
		}
		s := got.Suites[0]
		if s.Name != nastyPath || len(s.Cases[0].Failures) != 2 || !strings.HasSuffix(s.Cases[0].Failures[0].Message, nastyMsg) {
			t.Errorf("names changed: %+v", s)
		}
	})
	t.Run("github keeps one command per finding and escapes properties", func(t *testing.T) {
		out := string(print(t, "github", o, nastyReport()))
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("%d lines, want 2:\n%s", len(lines), out)
		}
		for _, l := range lines {
			if !strings.HasPrefix(l, "::") || strings.Contains(l, "\r") {
				t.Errorf("bad command %q", l)
			}
		}
		wantFile := "file=we\"ird <&> dir/line%0Abreak%3A%3Aerror file=x%3A%3A%250A%2C100%25.txt,line=3,title=seq-gap"
		if !strings.HasPrefix(lines[0], "::error "+wantFile+"::") {
			t.Errorf("got  %q\nwant prefix %q", lines[0], "::error "+wantFile+"::")
		}
		if !strings.Contains(lines[0], "50%25 %0A::warning::injected") {
			t.Errorf("message not escaped: %q", lines[0])
		}
	})
	t.Run("markdown keeps one table row per finding", func(t *testing.T) {
		out := string(print(t, "markdown", o, nastyReport()))
		var rows []string
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "| ") && !strings.HasPrefix(l, "| severity") {
				rows = append(rows, l)
			}
		}
		if len(rows) != 2 || strings.ContainsAny(out, "\x1b\r<") {
			t.Fatalf("%d rows, want 2, or raw control or HTML characters:\n%s", len(rows), out)
		}
		for _, r := range rows {
			if cells := strings.Count(strings.ReplaceAll(r, `\|`, ""), "|"); cells != 6 {
				t.Errorf("%d cell separators, want 6: %s", cells, r)
			}
		}
	})
}
