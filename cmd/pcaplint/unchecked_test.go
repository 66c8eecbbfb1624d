package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/report"
)

// quietLog is what tcpdump -q prints of a handshake and a RST: no flags,
// no numbers, nothing a check can judge.
const quietLog = `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: tcp 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: tcp 0
10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: tcp 0
10:00:00.000300 IP 10.0.0.2.80 > 10.0.0.1.40000: tcp 0
`

// udpLog holds no TCP at all: a capture filter that left it out.
const udpLog = `10:00:00.000000 IP 10.0.0.1.5353 > 224.0.0.251.5353: UDP, length 40
10:00:00.000100 IP 10.0.0.1.53 > 10.0.0.2.40000: UDP, length 60
`

// ipoibCapture is a pcap of LINKTYPE_IPOIB (242) frames, a link type
// pcaplint does not decode.
func ipoibCapture() []byte {
	b := binary.LittleEndian.AppendUint32(nil, 0xa1b2c3d4)
	b = binary.LittleEndian.AppendUint16(b, 2)
	b = binary.LittleEndian.AppendUint16(b, 4)
	b = append(b, make([]byte, 8)...)
	b = binary.LittleEndian.AppendUint32(b, 65535)
	b = binary.LittleEndian.AppendUint32(b, 242)
	frame := append([]byte{0x08, 0x00, 0, 0, 0x45}, make([]byte, 39)...)
	for i := range 3 {
		b = binary.LittleEndian.AppendUint32(b, uint32(i+1))
		b = binary.LittleEndian.AppendUint32(b, 0)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(frame)))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(frame)))
		b = append(b, frame...)
	}
	return b
}

func putFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestInputsThatCouldNotBeCheckedAreNeverClean(t *testing.T) {
	dir := t.TempDir()
	quiet := putFile(t, dir, "quiet.txt", []byte(quietLog))
	udp := putFile(t, dir, "udp.txt", []byte(udpLog))
	ipoib := putFile(t, dir, "ipoib.pcap", ipoibCapture())
	clean := putFile(t, dir, "clean.pcap", craft(t, "ethernet.pcap"))
	junk := putFile(t, dir, "junk/notes.txt", []byte("notes of the outage\n"))
	mixed := filepath.Dir(putFile(t, dir, "mixed/ipoib.pcap", ipoibCapture()))
	putFile(t, dir, "mixed/clean.pcap", craft(t, "ethernet.pcap"))
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		code    int
		reason  string // the unchecked reason the JSON report gives
		errWant string // on standard error
	}{
		{"tcpdump -q log", []string{quiet}, exitError, report.UncheckedNoFlags, "nothing checked"},
		{"tcpdump -q log, --allow-empty", []string{"--allow-empty", quiet}, exitError, report.UncheckedNoFlags, "tcpdump -q"},
		{"log without TCP", []string{udp}, exitError, report.UncheckedNoTCP, "--allow-empty accepts it"},
		{"log without TCP, --allow-empty", []string{"--allow-empty", udp}, exitClean, report.UncheckedNoTCP, ""},
		{"link type not decoded", []string{ipoib}, exitError, report.UncheckedLinkType, "link type 242 is not decoded"},
		{"link type not decoded, --allow-empty", []string{"--allow-empty", ipoib}, exitError, report.UncheckedLinkType, "link type 242"},
		{"link type not decoded, in a directory", []string{mixed}, exitError, report.UncheckedLinkType, "link type 242 is not decoded"},
		{"directory without captures", []string{filepath.Dir(junk)}, exitError, "", "is a capture or a log"},
		{"directory without captures, --allow-empty", []string{"--allow-empty", filepath.Dir(junk)}, exitClean, "", ""},
		{"empty directory", []string{empty}, exitError, "", "no files in the directory"},
		{"empty directory, --allow-empty", []string{"--allow-empty", empty}, exitClean, "", ""},
		{"pattern without match", []string{filepath.Join(dir, "*.none")}, exitError, "", "matches no file"},
		{"a clean capture beside an empty directory", []string{clean, empty}, exitError, "", "no files in the directory"},
		{"a clean capture", []string{clean}, exitClean, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, rep, errOut := lintJSON(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, errOut)
			}
			if tt.errWant != "" && !strings.Contains(errOut, tt.errWant) {
				t.Errorf("stderr lacks %q:\n%s", tt.errWant, errOut)
			}
			var reasons []string
			for _, f := range rep.Files {
				for _, u := range f.Unchecked {
					reasons = append(reasons, u.Reason)
					if !u.All || u.Message == "" || u.Count == 0 {
						t.Errorf("%s: %+v, want all set, a message and a count", f.Path, u)
					}
				}
			}
			if got := strings.Join(reasons, ","); got != tt.reason {
				t.Errorf("unchecked reasons %q, want %q", got, tt.reason)
			}
			if tt.reason != "" && rep.Summary.NotChecked != 1 {
				t.Errorf("summary counts %d inputs not checked, want 1", rep.Summary.NotChecked)
			}
		})
	}
}

func TestTheTextReportSaysWhatWasNotCheckedEvenWhenQuiet(t *testing.T) {
	quiet := putFile(t, t.TempDir(), "quiet.txt", []byte(quietLog))
	code, out, _ := runCmd(t, builtinChecks(), "lint", "-q", quiet)
	if code != exitError || !strings.Contains(out, "quiet.txt: not checked (no-flags): 4 of 4 TCP segments show no TCP flags") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestAFileNamedLikeACaptureThatIsNotOneFailsInADirectory(t *testing.T) {
	dir := t.TempDir()
	putFile(t, dir, "run.pcap1", []byte("not a capture\n"))
	putFile(t, dir, "notes.txt", []byte("not a log\n"))
	putFile(t, dir, "clean.pcap", craft(t, "ethernet.pcap"))
	code, rep, errOut := lintJSON(t, dir)
	if code != exitError || !strings.Contains(errOut, "run.pcap1: not a capture or tcpdump text") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	if len(rep.Skipped) != 1 || filepath.Base(rep.Skipped[0].Path) != "notes.txt" {
		t.Errorf("skipped %+v, want notes.txt only", rep.Skipped)
	}
}

// TestALogWithoutTimesIsReportedNotFailed lints a real recording as
// tcpdump -t prints it: the handshake and everything else is judged (no
// finding, exit 0), and the report says which checks could not judge it,
// in JSON and in text, without counting the input as not checked at all.
func TestALogWithoutTimesIsReportedNotFailed(t *testing.T) {
	untimed := "../../rules/checks/testdata/untimed/clean.n-t.txt.gz"
	code, rep, errOut := lintJSON(t, untimed)
	if code != exitClean {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, exitClean, errOut)
	}
	if len(rep.Files) != 1 || len(rep.Files[0].Unchecked) != 1 {
		t.Fatalf("files %+v, want one with one unchecked part", rep.Files)
	}
	u := rep.Files[0].Unchecked[0]
	if u.Reason != report.UncheckedNoTime || u.All || u.Count != 11 || rep.Summary.NotChecked != 0 {
		t.Errorf("unchecked %+v, %d inputs not checked; want no-time, 11 segments, not all, none", u, rep.Summary.NotChecked)
	}
	code, out, _ := runCmd(t, builtinChecks(), "lint", "-q", untimed)
	if code != exitClean || !strings.Contains(out, "not checked (no-time): 11 of 11 TCP segments carry no time (tcpdump -t prints none)") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}
