package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestLintOfAPrefixedLog lints a log as log collectors write it, with
// other lines between tcpdump's: the findings are the bare log's, at the
// collector's line numbers, and a note says which prefix was stripped.
func TestLintOfAPrefixedLog(t *testing.T) {
	const bare = "../../testdata/captures/real/zero-window.n-vv.txt"
	raw, err := os.ReadFile(bare)
	if err != nil {
		t.Fatal(err)
	}
	_, wantOut, _ := runCmd(t, builtinChecks(), "lint", "-f", "text", bare)
	for _, c := range []struct {
		name, prefix, other, bom, flag, note string
		preamble                             int // lines of the CI job's own before tcpdump's
	}{
		{name: "compose", prefix: "tcpdump-1  | ", other: "web-1      | GET / 200", note: `docker compose logs' service "tcpdump-1  | "`},
		{name: "github", prefix: "2026-05-01T12:00:00.1234567Z ", bom: "\ufeff", note: "RFC 3339"},
		{name: "github after a long build", prefix: "2026-05-01T12:00:00.1234567Z ", bom: "\ufeff", note: "RFC 3339", preamble: 1500},
		{name: "journal", prefix: "May 01 12:00:00 host tcpdump[812]: ", other: "May 01 12:00:00 host sshd[90]: Accepted key", note: "journalctl"},
		{name: "regexp", prefix: "[tcpdump] ", other: "[app] listening", flag: `\[tcpdump\] `, note: "--strip-prefix"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(c.bom)
			for i := range c.preamble {
				fmt.Fprintf(&b, "%sgo: downloading example.com/module%d v1.%d.0 (a build's output before tcpdump starts)\n", c.prefix, i, i)
			}
			at := []int{0}
			for i, line := range strings.SplitAfter(strings.TrimSuffix(string(raw), "\n"), "\n") {
				if c.other != "" && i%3 == 1 {
					b.WriteString(c.other + "\n")
				}
				at = append(at, strings.Count(b.String(), "\n")+1)
				b.WriteString(c.prefix + line)
			}
			path := filepath.Join(t.TempDir(), "ci.log")
			if err := os.WriteFile(path, []byte(b.String()+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{"lint", "-f", "text", path}
			if c.flag != "" {
				args = append(args, "--strip-prefix", c.flag)
			}
			code, out, errOut := runCmd(t, builtinChecks(), args...)
			if code != 1 {
				t.Errorf("exit %d, want 1; stderr:\n%s", code, errOut)
			}
			if want := movedFindings(wantOut, bare, path, at); out != want {
				t.Errorf("findings\n%s\nwant\n%s", out, want)
			}
			if !strings.Contains(errOut, "pcaplint: note: "+path+": each line starts with ") || !strings.Contains(errOut, c.note) {
				t.Errorf("stderr does not note the prefix (%s):\n%s", c.note, errOut)
			}
		})
	}
}

// movedFindings is the text report of the bare log rewritten for the
// prefixed one: its path, and each line number n as at[n].
func movedFindings(out, from, to string, at []int) string {
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(from) + `:(\d+):`)
	return re.ReplaceAllStringFunc(out, func(m string) string {
		n, _ := strconv.Atoi(re.FindStringSubmatch(m)[1])
		return fmt.Sprintf("%s:%d:", to, at[n])
	})
}

func TestStripPrefixRefusesABadRegexp(t *testing.T) {
	for _, cmd := range []string{"lint", "conns", "explain", "diagram"} {
		code, _, errOut := runCmd(t, builtinChecks(), cmd, "--strip-prefix", "([a-z", "x.txt")
		if code != 2 || !strings.Contains(errOut, "--strip-prefix") || !strings.Contains(errOut, "not a regular expression") {
			t.Errorf("%s: exit %d, stderr %q; want 2 and the flag named", cmd, code, errOut)
		}
	}
}
