package checks

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// lossyDir holds the recordings of testdata/record/lossy.sh: a bulk
// download through a router that dropped some of the server's data
// segments, captured before the drop (sender) and after it (receiver).
var lossyDir = filepath.Join("..", "..", "testdata", "captures", "real")

// lossyRuns are the recordings of lossy.sh, each captured before the drop
// (RUN.sender) and after it (RUN.receiver).
var lossyRuns = []string{"lossy-1pct", "lossy-3pct", "lossy-3pct-nots"}

// lossyServerPort is the port lossy.sh's server listens on.
const lossyServerPort = 9120

// sentOnce identifies one transmission of a data segment: IP ID, seq and
// length tell apart every packet a Linux sender sends on one connection.
type sentOnce struct {
	seq, n uint32
	ipid   uint16
}

// resentTruth labels every data segment the server (on port) sent, from
// the capture before the drop: a segment that starts below the highest
// sequence number sent before it is a retransmission. Nothing reorders
// packets between the server and the router's first interface.
func resentTruth(t *testing.T, sender []tcp.Segment, port uint16) map[sentOnce]bool {
	t.Helper()
	truth := map[sentOnce]bool{}
	var high uint32
	started := false
	for i := range sender {
		s := &sender[i]
		if s.Src.Port != port || s.PayloadLen == 0 {
			continue
		}
		k := sentOnce{s.Seq, s.PayloadLen, s.IPID}
		if _, dup := truth[k]; dup {
			t.Fatalf("packet %d: seq %d length %d IP ID %d sent twice: IP ID does not identify a transmission", s.Pos.Packet, s.Seq, s.PayloadLen, s.IPID)
		}
		truth[k] = started && tcp.SeqLess(s.Seq, high)
		if end := s.End(); !started || tcp.SeqLess(high, end) {
			high, started = end, true
		}
	}
	return truth
}

// resentLabels are the packet numbers of the server's data segments in
// capture, each with whether the truth calls it a retransmission, or
// their lines in text (see eachDataSegment).
func resentLabels(t *testing.T, truth map[sentOnce]bool, capture, text []tcp.Segment) map[int]bool {
	t.Helper()
	labels := map[int]bool{}
	eachDataSegment(t, truth, lossyServerPort, capture, text, func(key int, _ *tcp.Segment, resent bool) {
		labels[key] = resent
	})
	return labels
}

// eachDataSegment calls fn with each data segment the server on port sent
// in capture, in order, with whether the truth calls it a retransmission
// and the key of its label: its packet number, or, when text (a rendering
// of the capture, its segments in the same order) is given, its line there
// (tcpdump -v prints the IPv4 header on a line of its own).
func eachDataSegment(t *testing.T, truth map[sentOnce]bool, port uint16, capture, text []tcp.Segment, fn func(key int, s *tcp.Segment, resent bool)) {
	t.Helper()
	if text != nil && len(text) != len(capture) {
		t.Fatalf("%d segments in the text, %d in the capture", len(text), len(capture))
	}
	for i := range capture {
		s := &capture[i]
		if s.Src.Port != port || s.PayloadLen == 0 {
			continue
		}
		resent, ok := truth[sentOnce{s.Seq, s.PayloadLen, s.IPID}]
		if !ok {
			t.Fatalf("packet %d: seq %d length %d IP ID %d was never sent", s.Pos.Packet, s.Seq, s.PayloadLen, s.IPID)
		}
		key := s.Pos.Packet
		if text != nil {
			key = text[i].Pos.Line
		}
		fn(key, s, resent)
	}
}

// resentRules are the checks that call a segment a retransmission of some
// kind.
var resentRules = map[string]bool{"retransmission": true, "fast-retransmission": true, "spurious-retransmission": true}

// evidenceSaid is how a finding that decided a hole's fill names its
// evidence.
var evidenceSaid = regexp.MustCompile(`\((timestamps|IP ID|SACK|dup ACKs|timing): `)

// TestLossyRecordingsRetransmissionTruth labels every data segment of the
// lossy recordings, from both vantage points, in pcap and in tcpdump's
// text with and without -v, and wants each retransmission called one and
// nothing else, as the capture before the drop proves.
func TestLossyRecordingsRetransmissionTruth(t *testing.T) {
	for _, run := range lossyRuns {
		sender := readSegments(t, filepath.Join(lossyDir, run+".sender.pcap"))
		truth := resentTruth(t, sender, lossyServerPort)
		for _, side := range []string{"sender", "receiver"} {
			base := filepath.Join(lossyDir, run+"."+side)
			capture := readSegments(t, base+".pcap")
			for _, input := range []string{base + ".pcap", base + ".txt", base + ".n-v.txt"} {
				t.Run(filepath.Base(input), func(t *testing.T) {
					var text []tcp.Segment
					if filepath.Ext(input) == ".txt" {
						text = readSegments(t, input)
					}
					labels := resentLabels(t, truth, capture, text)
					resent := 0
					for _, r := range labels {
						if r {
							resent++
						}
					}
					if resent == 0 {
						t.Fatalf("%s: no retransmission in the recording", base)
					}
					got := map[int]string{}
					decided := map[string]int{}
					for _, f := range lint(t, input, allAtInfo(nil)) {
						if resentRules[f.Rule] || f.Rule == "out-of-order" {
							got[packetOf(f)] = f.Rule + ": " + f.Message
						}
						if f.Rule != "out-of-order" && !strings.Contains(f.Message, "filled a hole") {
							continue
						}
						if m := evidenceSaid.FindStringSubmatch(f.Message); m != nil {
							decided[m[1]]++
						} else {
							t.Errorf("%s: a finding on a hole's fill names no evidence: %s", input, f.Message)
						}
					}
					wrong := 0
					for pkt, want := range labels {
						rule, _, _ := cutRule(got[pkt])
						if resentRules[rule] != want {
							wrong++
							t.Errorf("%s:%d: retransmission %v, found %q", input, pkt, want, got[pkt])
						}
					}
					t.Logf("%s: %d data segments, %d retransmissions, %d labelled wrong; fills decided by %v", input, len(labels), resent, wrong, decided)
				})
			}
		}
	}
}

// cutRule splits "rule: message".
func cutRule(s string) (rule, msg string, ok bool) {
	var n int
	if _, err := fmt.Sscanf(s, "%s", &rule); err != nil {
		return "", "", false
	}
	rule = rule[:len(rule)-1]
	n = len(rule) + 2
	return rule, s[n:], true
}

var _ = rules.Info
