package oracle

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The statistics comparison (rules/stats) reads two more tools' outputs:
// tcptrace's long report with RTT figures, as CSV, and the RTT tshark
// gives each ACK (tcp.analysis.ack_rtt). Their recordings are
// testdata/oracle/tcptrace/PATH.txt and testdata/oracle/tshark-rtt/PATH.txt.

// tcptraceArgs are tcptrace's arguments before the capture: the long
// report (-l) with RTT statistics (-r), no name lookups (-n), as CSV.
var tcptraceArgs = []string{"-l", "-r", "-n", "--csv"}

// tsharkRTTArgs are tshark's arguments after the capture: the frame
// number, TCP stream and ack_rtt of every ACK that has one.
var tsharkRTTArgs = []string{"-o", "tcp.analyze_sequence_numbers:TRUE", "-Y", "tcp.analysis.ack_rtt",
	"-T", "fields", "-e", "frame.number", "-e", "tcp.stream", "-e", "tcp.analysis.ack_rtt"}

// Tcptrace returns what tcptrace -l -r -n --csv prints for capture, a
// file under the testdata directory.
func Tcptrace(tb testing.TB, testdata, capture string) Result {
	tb.Helper()
	return runInTestdata(tb, testdata, capture, "tcptrace", tcptraceArgs, nil)
}

// TsharkRTT returns what tshark prints of the ack_rtt of every ACK of
// capture: frame number, stream and RTT in seconds, a tab between them.
func TsharkRTT(tb testing.TB, testdata, capture string) Result {
	tb.Helper()
	return runInTestdata(tb, testdata, capture, "tshark-rtt", []string{"-r"}, tsharkRTTArgs)
}

// runInTestdata runs tool (tshark for "tshark-rtt") on the capture's path
// relative to testdata, between the arguments before and after it, or
// reads its recording testdata/oracle/NAME/PATH.txt.
func runInTestdata(tb testing.TB, testdata, capture, name string, before, after []string) Result {
	tb.Helper()
	rel, err := filepath.Rel(testdata, capture)
	if err != nil || strings.HasPrefix(rel, "..") {
		tb.Fatalf("%s is not under %s", capture, testdata)
	}
	rel = filepath.ToSlash(rel)
	tool := strings.TrimSuffix(name, "-rtt")
	args := append(append(append([]string{}, before...), rel), after...)
	book := Open(tb, filepath.Join(testdata, "oracle", name, rel+".txt"))
	return book.Run(tb, tool+" "+strings.Join(args, " "), tool, func() Result {
		if _, err := exec.LookPath(tool); err != nil {
			tb.Fatalf("%s asks for %s, which is not on PATH (apt-get install %s)", EnvVar, tool, tool)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, tool, args...)
		cmd.Dir = testdata
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		r := Result{Out: dropWallclock(string(out))}
		if err != nil {
			r.Fail = err.Error() + ": " + firstLine(stderr.String())
		}
		return r
	})
}

// dropWallclock leaves out tcptrace's line of how long it ran, which
// differs from run to run.
func dropWallclock(out string) string {
	lines := strings.SplitAfter(out, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(l, "#elapsed wallclock time:") {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "")
}
