package tcpdump

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// collectorLog is how a log collector writes a tcpdump log: the prefix
// of the n-th line (1-based), lines of its own before it, and its note.
type collectorLog struct {
	name   string
	prefix func(n int) string
	before func(n int) []string // lines written before line n; nil for none
	bom    bool
	what   string // a word the note must say
}

// stamped returns a prefix that is the same on every line.
func stamped(s string) func(int) string { return func(int) string { return s } }

// every returns lines to write before every k-th line.
func every(k int, lines ...string) func(int) []string {
	return func(n int) []string {
		if n%k == 0 {
			return lines
		}
		return nil
	}
}

// first returns lines to write before the first line only.
func first(lines ...string) func(int) []string {
	return func(n int) []string {
		if n == 1 {
			return lines
		}
		return nil
	}
}

var collectorLogs = []collectorLog{
	{name: "docker compose", prefix: stamped("tcpdump-1  | "),
		before: every(3, "web-1      | GET / HTTP/1.1 200", "db-1       | LOG:  checkpoint starting: time"), what: "docker compose"},
	{name: "docker compose, coloured", prefix: stamped("\x1b[36mtcpdump-1  |\x1b[0m "),
		before: every(2, "\x1b[33mweb-1      |\x1b[0m GET / 200"), what: "docker compose"},
	{name: "docker compose, coloured with its space", prefix: stamped("\x1b[1;34mtcpdump-1  | \x1b[0m"),
		before: every(2, "\x1b[33mweb-1      | \x1b[0mGET / 200"), what: "docker compose"},
	{name: "docker compose -t", prefix: stamped("tcpdump-1  | 2026-05-01T12:00:00.123456789Z "),
		before: every(4, "web-1      | 2026-05-01T12:00:00.123456789Z listening on :8080"), what: "RFC 3339"},
	{name: "kubectl --prefix", prefix: stamped("[pod/web-0/tcpdump] "),
		before: every(3, "[pod/web-0/app] 12:00:00 started"), what: "kubectl"},
	{name: "kubectl --timestamps", prefix: func(n int) string {
		return fmt.Sprintf("2026-05-01T12:00:%02d.%dZ ", n%60, n%7+1) // RFC3339Nano drops trailing zeros
	}, what: "RFC 3339"},
	{name: "kubectl --prefix --timestamps", prefix: stamped("[pod/web-0/tcpdump] 2026-05-01T12:00:00.5+02:00 "), what: "kubectl"},
	{name: "GitHub Actions", prefix: stamped("2026-05-01T12:00:00.1234567Z "), bom: true,
		before: first("2026-05-01T12:00:00.1234567Z ##[group]Run sudo tcpdump -l -n -i lo", "2026-05-01T12:00:00.1234567Z ##[endgroup]"), what: "RFC 3339"},
	{name: "GitLab", prefix: stamped("2026-05-01T12:00:00.123456Z 00O "),
		before: every(5, "2026-05-01T12:00:00.123456Z 00O \x1b[0Ksection_start:1714564800:step_script\r\x1b[0K\x1b[0K\x1b[36;1mExecuting \"step_script\" stage of the job script\x1b[0;m",
			"2026-05-01T12:00:00.123456Z 01E \x1b[32;1m$ make test\x1b[0;m"), what: "GitLab"},
	{name: "journalctl", prefix: stamped("May 01 12:00:00 host tcpdump[812]: "),
		before: every(3, "May 01 12:00:00 host systemd[1]: Started session-4.scope."), what: "journalctl"},
	{name: "journalctl -o short-precise", prefix: stamped("May  1 12:00:00.104687 ci-runner tcpdump[812]: "), what: "journalctl"},
	{name: "ts", prefix: stamped("May 01 12:00:00 "), what: "syslog"},
	{name: "ts -s", prefix: func(n int) string { return fmt.Sprintf("00:00:%02d ", n%60) }, what: "elapsed"},
	{name: "ts %.s", prefix: stamped("1714564800.123456 "), what: "Unix time"},
	{name: "ts %.T", prefix: stamped("12:00:00.123456 "), what: "time of day"},
	// A CI job's timestamp before another collector's prefix: the job ran
	// docker compose logs or kubectl logs.
	{name: "GitHub Actions, then docker compose", prefix: jobStamped("web-1  | "), bom: true,
		before: every(3, "2024-05-01T10:00:00.1234567Z db-1   | LOG:  checkpoint starting: time", "2024-05-01T10:00:00.1234567Z ##[group]Run docker compose logs"), what: "docker compose"},
	{name: "GitHub Actions, then docker compose -t", prefix: jobStamped("tcpdump-1  | 2026-05-01T12:00:00.123456789Z "),
		before: every(4, "2024-05-01T10:00:00.1234567Z web-1      | 2026-05-01T12:00:00.123456789Z listening on :8080"), what: "docker compose"},
	{name: "GitHub Actions, then kubectl --prefix", prefix: jobStamped("[pod/web-0/tcpdump] "),
		before: every(3, "2024-05-01T10:00:00Z [pod/web-0/app] 12:00:00 started"), what: "kubectl"},
	{name: "a job's timestamp to the second, then docker compose", prefix: stamped("2024-05-01T10:00:00Z web-1  | "), what: "docker compose"},
	{name: "a job's timestamp with an offset, then kubectl --prefix", prefix: stamped("2024-05-01T10:00:00.5+02:00 [pod/web-0/tcpdump] "), what: "kubectl"},
}

// jobStamped returns a prefix of a CI job's timestamp, which changes from
// line to line, then lead.
func jobStamped(lead string) func(int) string {
	return func(n int) string {
		return fmt.Sprintf("2024-05-01T10:%02d:%02d.%07dZ %s", n/60%60, n%60, n*7919%10000000, lead)
	}
}

// prefixed writes text as the collector would, and returns for each of
// its lines (0-based) the line number it has in the result and the bytes
// before it there.
func (c collectorLog) write(text string) (string, []int, []int) {
	var b strings.Builder
	if c.bom {
		b.WriteString(bom)
	}
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	at, skip := make([]int, len(lines)), make([]int, len(lines))
	n := 0
	for i, line := range lines {
		if c.before != nil {
			for _, l := range c.before(i + 1) {
				b.WriteString(l + "\n")
				n++
			}
		}
		p := c.prefix(i + 1)
		if strings.TrimRight(line, "\r\n") == "" {
			p = strings.TrimRight(p, " ") // collectors trim the space before an empty line
		}
		n++
		at[i], skip[i] = n, len(p)
		if n == 1 && c.bom {
			skip[i] += len(bom)
		}
		b.WriteString(p + line)
	}
	return b.String(), at, skip
}

// prefixInputs are logs of several tcpdump flag sets: -v continuation
// lines, -e, -#, hex dumps, -A payload, -S with -tttt.
var prefixInputs = []string{
	"testdata/ipv4.n.vv.e.num.txt",
	"testdata/midstream.n.ttt.A.num.txt",
	"testdata/hostile-payload.n.A.num.txt",
	"testdata/reuse-sll.n.XX.txt",
	"testdata/wrap-vlan.n.S.e.txt",
	"testdata/ipv6.tttt.v.txt",
	"../../testdata/captures/real/rst-abort.txt",
	"../../testdata/captures/real/clean.n-S-vv-tttt.txt",
}

// TestCollectorPrefixRoundTrip reads each log as each collector writes
// it: the prefix is recognised, and the segments and problems are those of
// the bare log, at the collector's line numbers and columns.
func TestCollectorPrefixRoundTrip(t *testing.T) {
	for _, path := range prefixInputs {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		testPrefixRoundTrip(t, path, raw)
	}
	// A capture that starts mid-stream and loses a segment: neither
	// reading continues the connection and size cannot decide, so the
	// reader notes that it cannot tell -S yet, at a column that must
	// count the collector's prefix too.
	midStream := `12:00:00.000000 IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [.], seq 1000:1100, ack 500000, win 100, length 100
12:00:00.000300 IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [P.], seq 50000:50100, ack 7, win 100, length 100
`
	if _, st, _ := readAll(midStream, Options{}); !hasProblem(st.Problems, "cannot tell yet") {
		t.Fatalf("the mid-stream log gives no \"cannot tell yet\" note: %v", st.Problems)
	}
	testPrefixRoundTrip(t, "mid-stream", []byte(midStream))
}

func hasProblem(ps []tcp.Problem, text string) bool {
	for _, p := range ps {
		if strings.Contains(p.Msg, text) {
			return true
		}
	}
	return false
}

// testPrefixRoundTrip writes raw as each collector does and reads it back.
func testPrefixRoundTrip(t *testing.T, path string, raw []byte) {
	want, wantStats, wantErr := readAll(string(raw), Options{})
	for _, c := range collectorLogs {
		t.Run(c.name+"/"+path, func(t *testing.T) {
			text, at, skip := c.write(string(raw))
			p := DetectPrefix([]byte(text))
			if p == nil {
				t.Fatalf("no prefix recognised in\n%.600s", text)
			}
			if !strings.Contains(p.String(), c.what) {
				t.Errorf("prefix described as %q, want it to say %q", p, c.what)
			}
			got, stats, err := readFrom(strings.NewReader(text), "test.txt", Options{Prefix: p})
			if fmt.Sprint(err) != fmt.Sprint(moved(wantErr, at, skip)) {
				t.Errorf("error %v, want %v", err, moved(wantErr, at, skip))
			}
			if len(got) != len(want) {
				t.Fatalf("%d segments, want %d", len(got), len(want))
			}
			for i := range want {
				w := want[i]
				w.Pos = movedPos(w.Pos, at, skip)
				if fmt.Sprintf("%+v", got[i]) != fmt.Sprintf("%+v", w) {
					t.Fatalf("segment %d:\n got %+v\nwant %+v", i, got[i], w)
				}
			}
			if len(stats.Problems) != len(wantStats.Problems) {
				t.Fatalf("problems %v, want %v", stats.Problems, wantStats.Problems)
			}
			for i, wp := range wantStats.Problems {
				if wp.Pos = movedPos(wp.Pos, at, skip); stats.Problems[i] != wp {
					t.Errorf("problem %v, want %v", stats.Problems[i], wp)
				}
			}
		})
	}
}

// movedPos is where pos of the bare log is in the collector's.
func movedPos(pos tcp.Pos, at, skip []int) tcp.Pos {
	if pos.Line < 1 || pos.Line > len(at) {
		return pos
	}
	if pos.Col > 0 {
		pos.Col += skip[pos.Line-1]
	}
	pos.Line = at[pos.Line-1]
	return pos
}

func moved(err error, at, skip []int) error {
	if p, ok := err.(tcp.Problem); ok {
		p.Pos = movedPos(p.Pos, at, skip)
		return p
	}
	return err
}

// TestNoPrefixInTcpdumpText checks that no tcpdump rendering in the
// repository is taken for a prefixed log: its timestamps (-tt, -tttt, the
// default form) are tcpdump's own.
func TestNoPrefixInTcpdumpText(t *testing.T) {
	for path, text := range textInputs(t) {
		if p := DetectPrefix(text); p != nil {
			t.Errorf("%s: prefix %q recognised in tcpdump's own text", path, p)
		}
	}
}

// TestRegexpPrefix strips a prefix no collector above writes; lines
// without it are not tcpdump's.
func TestRegexpPrefix(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/captures/real/rst-abort.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := readAll(string(raw), Options{})
	c := collectorLog{prefix: stamped("<12>1 app: "), before: every(2, "unrelated text > with a > sign: here")}
	text, at, skip := c.write(string(raw))
	p, err := RegexpPrefix(regexp.MustCompile(`<\d+>1 \w+: `))
	if err != nil {
		t.Fatal(err)
	}
	got, stats, err := readFrom(strings.NewReader(text), "test.txt", Options{Prefix: p})
	if err != nil || len(got) != len(want) {
		t.Fatalf("%d segments, error %v; want %d", len(got), err, len(want))
	}
	if got[0].Pos != movedPos(want[0].Pos, at, skip) {
		t.Errorf("first segment at %v, want %v", got[0].Pos, movedPos(want[0].Pos, at, skip))
	}
	if stats.Other < int64(len(want)/2) {
		t.Errorf("%d lines counted as not packets, want the %d without the prefix", stats.Other, len(want)/2)
	}
}

// TestDetectPrefixNeedsTheSameShape refuses a timestamp prefix that only
// some lines have, and a log whose first packet line is bare.
func TestDetectPrefixNeedsTheSameShape(t *testing.T) {
	line := "12:00:00.000000 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0\n"
	for name, text := range map[string]string{
		"stamp on some lines":  "2026-05-01T12:00:00Z " + line + line,
		"bare line first":      line + "tcpdump-1  | " + line,
		"tcpdump -tt":          "1714564800.000000 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0\n",
		"tcpdump -tttt":        "2026-05-01 12:00:00.000000 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0\n",
		"tcpdump -i any":       "12:00:00.000000 lo    In  IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0\n",
		"only a partial line":  "tcpdump-1  | " + strings.TrimSuffix(line, "\n"),
		"no tcpdump after all": "web-1  | hello\nweb-1  | world\n",
	} {
		if p := DetectPrefix([]byte(text)); p != nil {
			t.Errorf("%s: prefix %q recognised", name, p)
		}
	}
	if p := DetectPrefix(bytes.Repeat([]byte("tcpdump-1  | "+line), 3)); p == nil {
		t.Error("docker compose prefix not recognised")
	}
}
