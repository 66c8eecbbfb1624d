package checks

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

// expectation is one line of an expect.txt: "#packet rule message-regexp",
// or "pcap:#packet rule message-regexp" for a finding only the capture can
// show (tcpdump's text leaves out checksums, and the seq of segments
// without data).
type expectation struct {
	line   int
	only   string // "pcap", or "" for every input
	packet int
	rule   string
	msg    *regexp.Regexp
}

// appliesTo reports whether the expectation holds for the input at path.
func (e expectation) appliesTo(path string) bool {
	return e.only == "" || strings.TrimPrefix(filepath.Ext(path), ".") == e.only
}

func readExpect(t *testing.T, path string) []expectation {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []expectation
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		only, line, _ := strings.Cut(line, ":#")
		if line == "" {
			only, line = "", only
		} else {
			line = "#" + line
		}
		fields := strings.SplitN(line, " ", 3)
		if len(fields) != 3 || !strings.HasPrefix(fields[0], "#") || (only != "" && only != "pcap") {
			t.Fatalf("%s:%d: want \"[pcap:]#packet rule message-regexp\"", path, n)
		}
		pkt, err := strconv.Atoi(fields[0][1:])
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		re, err := regexp.Compile(fields[2])
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, expectation{line: n, only: only, packet: pkt, rule: fields[1], msg: re})
	}
	return out
}

// packetOf is the packet number of a finding: its packet in a capture, its
// line in tcpdump text (one line per packet).
func packetOf(f rules.Finding) int {
	if f.Pos.IsText() {
		return f.Pos.Line
	}
	return f.Pos.Packet
}

// compare reports findings nobody expected and expectations nothing met.
func compare(t *testing.T, expectPath string, want []expectation, got []rules.Finding) {
	t.Helper()
	used := make([]bool, len(want))
	for _, f := range got {
		matched := false
		for i, w := range want {
			if !used[i] && w.packet == packetOf(f) && w.rule == f.Rule && w.msg.MatchString(f.Message) {
				used[i], matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("unexpected finding: #%d %s %s", packetOf(f), f.Rule, f.Message)
		}
	}
	for i, w := range want {
		if !used[i] {
			t.Errorf("%s:%d: no finding #%d %s matching %q", expectPath, w.line, w.packet, w.rule, w.msg)
		}
	}
}

// TestAnnotatedCaptures runs every directory of testdata/checks, from the
// capture and from its tcpdump text, with every check enabled, and wants
// exactly the findings its expect.txt lists.
func TestAnnotatedCaptures(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(checksTestdata, "*", "expect.txt"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no expect.txt under %s", checksTestdata)
	}
	for _, expectPath := range dirs {
		dir := filepath.Dir(expectPath)
		want := readExpect(t, expectPath)
		caps, _ := filepath.Glob(filepath.Join(dir, "*.pcap"))
		if len(caps) != 1 {
			t.Fatalf("%s: want one capture, found %d", dir, len(caps))
		}
		for _, input := range []string{caps[0], strings.TrimSuffix(caps[0], ".pcap") + ".txt"} {
			var applies []expectation
			for _, w := range want {
				if w.appliesTo(input) {
					applies = append(applies, w)
				}
			}
			t.Run(filepath.Base(dir)+"/"+filepath.Base(input), func(t *testing.T) {
				compare(t, expectPath, applies, lint(t, input, allAtInfo(nil)))
			})
		}
	}
}

// TestEveryCheckHasATrigger wants an expected finding of every check in
// the annotated captures.
func TestEveryCheckHasATrigger(t *testing.T) {
	seen := map[string]bool{}
	paths, _ := filepath.Glob(filepath.Join(checksTestdata, "*", "expect.txt"))
	for _, p := range paths {
		for _, e := range readExpect(t, p) {
			seen[e.rule] = true
		}
	}
	for _, c := range All() {
		if !seen[c.ID] {
			t.Errorf("%s: no annotated capture triggers it", c.ID)
		}
	}
}

// faultRecordings are the real recordings made to show a fault, matched
// by file name, with the checks that warn there and why. Every other real
// recording is healthy.
var faultRecordings = []struct {
	name *regexp.Regexp
	warn map[string]bool
	why  string
}{
	{regexp.MustCompile(`^rst-abort\.`), map[string]bool{"rst-unexpected": true}, "the server resets a connection whose data it did not read"},
	{regexp.MustCompile(`^zero-window\.`), map[string]bool{"zero-window": true}, "the server stops reading for 1.5 s"},
	{regexp.MustCompile(`^kernel-drops\.`), map[string]bool{"seq-gap": true}, "the kernel dropped packets the capture should hold"},
	{regexp.MustCompile(`^lossy-.*\.receiver\.`), map[string]bool{"seq-gap": true}, "captured after the router dropped data segments"},
	{regexp.MustCompile(`^linux-loopback\.`), map[string]bool{"rst-unexpected": true}, "an abort with SO_LINGER 0"},
	{regexp.MustCompile(`^rst-reuse\.`), map[string]bool{"rst-unexpected": true}, "an abort with SO_LINGER 0 before the port is reused"},
}

// faultAllows returns the checks that may warn on the recording at path,
// or nil for a healthy one.
func faultAllows(path string) map[string]bool {
	for _, f := range faultRecordings {
		if f.name.MatchString(filepath.Base(path)) {
			return f.warn
		}
	}
	return nil
}

// isFaultRecording reports whether the recording at path was made to show
// a fault.
func isFaultRecording(path string) bool { return faultAllows(path) != nil }

// realRecordings lists every real recording and tcpdump's text of it:
// testdata/captures/real, the graph tests' shaped download, the Linux
// loopback corpus of testdata/agreement, and one-direction.pcap, which a
// capture filter derived from the real parallel.pcap.
func realRecordings(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/captures/real/*")
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, "../../render/graph/testdata/shaped-20mbit.sender.pcap", "../../render/graph/testdata/shaped-20mbit.sender.txt",
		"../../testdata/agreement/linux-loopback.pcap",
		"../../testdata/checks/one-direction-captured/one-direction.pcap", "../../testdata/checks/one-direction-captured/one-direction.txt")
	var out []string
	for _, p := range paths {
		switch filepath.Ext(p) {
		case ".pcap", ".pcapng", ".txt":
			out = append(out, p)
		}
	}
	return out
}

// TestHealthyRecordingsRaiseNoWarning runs the default rule set over every
// real recording, pcap and text, among them the log a tutorial reader
// pastes: nothing at warning or above, except on the recordings made to
// show a fault, and there only what the fault explains (and at least one).
func TestHealthyRecordingsRaiseNoWarning(t *testing.T) {
	healthy, paths := 0, realRecordings(t)
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			allowed := faultAllows(path)
			warned := 0
			for _, f := range lint(t, path, nil) {
				if f.Severity < rules.Warning {
					continue
				}
				warned++
				if !allowed[f.Rule] {
					t.Errorf("%s %s %s: %s", f.Pos, f.Severity, f.Rule, f.Message)
				}
			}
			switch {
			case allowed == nil:
				healthy++
			case warned == 0:
				t.Errorf("a recording of a fault, and no warning: no longer one of faultRecordings")
			}
		})
	}
	if healthy < 30 {
		t.Errorf("%d healthy recordings: the walk missed some", healthy)
	}
	t.Logf("%d healthy recordings without a warning, %d of faults", healthy, len(paths)-healthy)
}

// dump prints findings in expect.txt syntax, to help write one.
func dump(fs []rules.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "#%d %s %s\n", packetOf(f), f.Rule, regexp.QuoteMeta(f.Message))
	}
	return b.String()
}
