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

// TsharkFields are the fields of every packet that the comparisons with
// tshark read, in this order: its number, its TCP stream (Wireshark's
// connection) and the expert flags of its TCP analysis.
var TsharkFields = []string{
	"frame.number", "tcp.stream",
	"tcp.analysis.retransmission", "tcp.analysis.fast_retransmission", "tcp.analysis.spurious_retransmission",
	"tcp.analysis.out_of_order", "tcp.analysis.lost_segment", "tcp.analysis.ack_lost_segment",
	"tcp.analysis.duplicate_ack", "tcp.analysis.zero_window", "tcp.analysis.window_full",
	"tcp.analysis.window_update", "tcp.analysis.zero_window_probe", "tcp.analysis.keep_alive",
	"tcp.analysis.keep_alive_ack",
}

// tsharkKey is the key of the one run a tshark recording holds.
const tsharkKey = "tshark -o tcp.analyze_sequence_numbers:TRUE -T fields (oracle.TsharkFields)"

// Tshark returns what tshark prints of TsharkFields, a line per packet and
// a tab between fields, for capture, a file under the testdata directory.
// Its recording is testdata/oracle/tshark/PATH.txt, PATH being the
// capture's path under testdata.
func Tshark(tb testing.TB, testdata, capture string) Result {
	tb.Helper()
	rel, err := filepath.Rel(testdata, capture)
	if err != nil || strings.HasPrefix(rel, "..") {
		tb.Fatalf("%s is not under %s", capture, testdata)
	}
	rel = filepath.ToSlash(rel)
	book := Open(tb, TsharkRecording(testdata, capture))
	return book.Run(tb, tsharkKey, "tshark", func() Result { return runTshark(tb, testdata, rel) })
}

// TsharkRecording is where the tshark recording of capture lives.
func TsharkRecording(testdata, capture string) string {
	rel, _ := filepath.Rel(testdata, capture)
	return filepath.Join(testdata, "oracle", "tshark", rel+".txt")
}

// runTshark runs tshark in the testdata directory on the capture's path
// relative to it, so that what it says of a broken file is the same from
// every package's tests.
func runTshark(tb testing.TB, testdata, rel string) Result {
	tb.Helper()
	if _, err := exec.LookPath("tshark"); err != nil {
		tb.Fatalf("%s asks for tshark, which is not on PATH (apt-get install tshark)", EnvVar)
	}
	args := []string{"-r", rel, "-o", "tcp.analyze_sequence_numbers:TRUE", "-T", "fields"}
	for _, f := range TsharkFields {
		args = append(args, "-e", f)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "tshark", args...)
	cmd.Dir = testdata
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	r := Result{Out: string(out)}
	if err != nil {
		r.Fail = err.Error() + ": " + firstLine(stderr.String())
	}
	return r
}

// firstLine is the first non-blank line of s.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}
