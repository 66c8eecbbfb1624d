package parse

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// busyLog is what `tcpdump -n` prints on a busy interface: the non-TCP
// lines of a rendering of lan-noise.pcap repeated until more than lines
// of them come before the first TCP line, then the rest of the rendering
// (the clean conversation, 11 segments).
func busyLog(t *testing.T, rendering string, lines int) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/captures/craft/" + rendering)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	first := strings.Index(text, ": Flags [")
	first = strings.LastIndex(text[:first], "\n") + 1
	for text[first] == ' ' { // -v: the TCP line continues a record
		first = strings.LastIndex(text[:first-1], "\n") + 1
	}
	noise := text[:first]
	return strings.Repeat(noise, lines/strings.Count(noise, "\n")+1) + text[first:]
}

// TestOpenRecognisesBusyInterfaceLogs reads, from a pipe as from standard
// input, logs whose first 1,000 and more lines are ARP, STP, LLDP, ICMPv6
// neighbour discovery, UDP and the rest, with and without -e and -v, and
// requires the conversation after them.
func TestOpenRecognisesBusyInterfaceLogs(t *testing.T) {
	for _, rendering := range []string{"lan-noise.txt", "lan-noise.e.txt", "lan-noise.v.txt", "lan-noise.e-v.txt", "lan-noise-any.vv-e-tttt.txt", "lan-noise.t-e.txt"} {
		t.Run(rendering, func(t *testing.T) {
			log := busyLog(t, rendering, 1500)
			pr, pw := io.Pipe()
			go func() {
				// Written in small pieces, as a live tcpdump writes.
				for s := log; len(s) > 0; {
					n := min(len(s), 100)
					if _, err := pw.Write([]byte(s[:n])); err != nil {
						return
					}
					s = s[n:]
				}
				pw.Close()
			}()
			defer pr.Close()
			src, err := Open(pr, "-", Options{})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			n := 0
			if err := Each(src, func(*tcp.Segment) { n++ }); err != nil {
				t.Fatalf("reading: %v", err)
			}
			if n != 11 {
				t.Errorf("%d segments, want 11", n)
			}
		})
	}
}

// TestOpenRefusesOtherText: a long text of another kind is refused with
// the usual error, after a bounded look.
func TestOpenRefusesOtherText(t *testing.T) {
	goLog := strings.Repeat("=== RUN   TestServer\n    server_test.go:42: listening on 127.0.0.1:8080\n--- PASS: TestServer (0.01s)\n", 10000)
	_, err := Open(strings.NewReader(goLog), "test.log", Options{})
	if !errors.Is(err, ErrUnknownInput) || !strings.Contains(err.Error(), `its first line "=== RUN   TestServer" is not tcpdump output`) {
		t.Errorf("Open = %v, want the not-tcpdump-output error", err)
	}
}

// TestOpenDescribesWhatItRefused: the error says what the input looks
// like; blank lines before a line of another kind are not "the first line".
func TestOpenDescribesWhatItRefused(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "the input is empty"},
		{"\n", "the input holds only blank lines"},
		{"\r\n  \n\t\n", "the input holds only blank lines"},
		{"\n\nhello world\n", `its first line "hello world" is not tcpdump output`},
		{"\x7fELF\x02\x01", "it is an ELF executable"},
		{"\ufeffhello world\n", `its first line "hello world" is not`},
		{strings.Repeat("x", 59) + "é and more\n", `its first line "` + strings.Repeat("x", 59) + `…" is not`},
	} {
		_, err := Open(strings.NewReader(c.in), "test.log", Options{})
		if !errors.Is(err, ErrUnknownInput) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Open(%q) = %v, want an error saying %q", c.in, err, c.want)
		}
	}
}

// jobLog writes text as a CI job's log does, an RFC 3339 timestamp
// before every line, after preamble lines of the job's own output, each
// some 250 bytes long, some in a terminal's colours or with GitLab's
// section markers.
func jobLog(text string, preamble int) string {
	const stamp = "2026-05-01T12:00:00.1234567Z "
	var b strings.Builder
	b.WriteString("\ufeff")
	for i := range preamble {
		switch i % 10 {
		case 3:
			fmt.Fprintf(&b, "%s\x1b[32;1mok\x1b[0m  example.com/module%d  0.%03ds %s\n", stamp, i, i, strings.Repeat("=", 180))
		case 7:
			fmt.Fprintf(&b, "%s\x1b[0Ksection_start:1714564800:step%d\r\x1b[0K\x1b[36;1mstep %d\x1b[0;m %s\n", stamp, i, i, strings.Repeat("=", 160))
		default:
			fmt.Fprintf(&b, "%sgo: downloading example.com/module%d v1.%d.0 %s\n", stamp, i, i, strings.Repeat("=", 180))
		}
	}
	for _, line := range strings.SplitAfter(text, "\n") {
		if line != "" {
			b.WriteString(stamp + line)
		}
	}
	return b.String()
}

// TestOpenLooksFurtherIntoAJobLog reads, from a pipe written in pieces,
// a CI job's log whose build output comes before tcpdump's first
// line: 1,500 lines of it (more than the 256 KiB read buffer, some in
// colours) are looked past, and the segments are the bare text's. Plain text keeps its
// shorter look, and a job's log without tcpdump in its first 2,000 lines
// is refused.
func TestOpenLooksFurtherIntoAJobLog(t *testing.T) {
	raw, err := os.ReadFile("../testdata/captures/real/zero-window.n-vv.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := readSegments(t, strings.NewReader(string(raw)))
	got := readSegments(t, pipeOf(jobLog(string(raw), 1500)))
	if len(got) != len(want) {
		t.Fatalf("%d segments after the preamble, want %d", len(got), len(want))
	}
	for i := range want {
		got[i].Pos, want[i].Pos = tcp.Pos{}, tcp.Pos{} // the lines moved
		if fmt.Sprintf("%+v", got[i]) != fmt.Sprintf("%+v", want[i]) {
			t.Fatalf("segment %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	for name, log := range map[string]string{
		"plain text, 150 lines before tcpdump's": strings.Repeat("go: downloading example.com/module v1.0.0\n", 150) + string(raw),
		"a job's log, 2,100 lines before":        jobLog(string(raw), 2100),
	} {
		if _, err := Open(pipeOf(log), "-", Options{}); !errors.Is(err, ErrUnknownInput) {
			t.Errorf("%s: Open = %v, want it refused", name, err)
		}
	}
}

// pipeOf returns a pipe that s is written to in pieces of 4 KiB, as a
// program reading a log (kubectl logs, gh run view --log) writes.
func pipeOf(s string) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		for len(s) > 0 {
			n := min(len(s), 4<<10)
			if _, err := pw.Write([]byte(s[:n])); err != nil {
				return
			}
			s = s[n:]
		}
		pw.Close()
	}()
	return pr
}

// readSegments opens r and returns its segments.
func readSegments(t *testing.T, r io.Reader) []tcp.Segment {
	t.Helper()
	src, err := Open(r, "-", Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	var segs []tcp.Segment
	if err := Each(src, func(s *tcp.Segment) { segs = append(segs, *s) }); err != nil {
		t.Fatalf("reading: %v", err)
	}
	return segs
}
