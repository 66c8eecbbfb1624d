package explain

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestUntimedLogSaysNoTime explains a real recording as tcpdump -t prints
// it, without times: the handshake completes (every time being zero, it
// had never been taken for complete), and no sentence claims a span of
// zero where nothing was measured.
func TestUntimedLogSaysNoTime(t *testing.T) {
	text, err := os.ReadFile("../../testdata/captures/real/clean.txt")
	if err != nil {
		t.Fatal(err)
	}
	// tcpdump -t prints each line without its leading "HH:MM:SS.ffffff ".
	stamp := regexp.MustCompile(`(?m)^\d\d:\d\d:\d\d\.\d{6} `)
	untimed := stamp.ReplaceAllString(string(text), "")
	if untimed == string(text) {
		t.Fatal("clean.txt has no timestamps to take away")
	}
	segs := readSegments(t, strings.NewReader(untimed), "clean.n-t.txt")
	out := explainAll(t, segs, nil, Options{})
	assertNotes(t, out, map[int][]string{
		3: {"The handshake is complete, an unknown time (the input has no timestamps) after the SYN."},
		5: {"sent an unknown time (the input has no timestamps) earlier"},
	})
	if zero := regexp.MustCompile(`(^|[^0-9.])0 (µs|ms|s)\b`); zero.MatchString(out) {
		t.Errorf("a span of zero where no time was measured: %q", zero.FindString(out))
	}
	if !strings.Contains(out, "Handshake round-trip time: an unknown time") {
		t.Errorf("the summary does not say the round-trip time is unknown:\n%s", out)
	}
}

// TestCaptureWithoutTimesSaysNoTime explains a pcapng whose Simple Packet
// Blocks carry no time (their segments read as at the Unix epoch): the
// summary says the duration is unknown rather than "over 0 µs".
func TestCaptureWithoutTimesSaysNoTime(t *testing.T) {
	out := explainAll(t, readCapture(t, "../../testdata/captures/craft/spb.pcapng"), nil, Options{})
	for _, want := range []string{"in 11 packets over an unknown time", "Handshake round-trip time: an unknown time"} {
		if !strings.Contains(out, want) {
			t.Errorf("the explanation lacks %q:\n%s", want, out)
		}
	}
}
