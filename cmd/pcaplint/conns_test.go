package main

import (
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// A SYN answered by RST is no handshake: the server had no listener, so it
// was CLOSED throughout (RFC 9293 section 3.10.7.1), never LISTEN or
// SYN_RECEIVED, in the capture and in its text alike.
func TestConnsOfARefusedConnection(t *testing.T) {
	for _, path := range []string{"../../testdata/captures/real/refused.pcap", "../../testdata/captures/real/refused.txt"} {
		t.Run(path, func(t *testing.T) {
			code, out, errOut := runCmd(t, checks.All(), "conns", "--format", "json", path)
			if code != exitClean {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			got := decodeConns(t, out)
			if len(got.Files) != 1 || len(got.Files[0].Connections) != 1 {
				t.Fatalf("want one connection:\n%s", out)
			}
			c := got.Files[0].Connections[0]
			if c.State != "REJ" || !slices.Equal(c.ClientStates, []string{"CLOSED", "SYN_SENT", "CLOSED"}) ||
				!slices.Equal(c.ServerStates, []string{"CLOSED"}) {
				t.Errorf("state %s, client %v, server %v; want REJ, [CLOSED SYN_SENT CLOSED], [CLOSED]", c.State, c.ClientStates, c.ServerStates)
			}
		})
	}
}

// conns --stats measures a capture and its tcpdump text alike, in the
// table (connections kept whole) and in JSON (spooled), with the figures
// tcptrace -l -r prints for the lossy recording (unique bytes 524288,
// throughput 2569573 Bps, 31 RTT samples for the server's data) and the 12
// retransmissions the checks report.
func TestConnsStats(t *testing.T) {
	var first *report.JSONConnStats
	for _, path := range []string{"../../testdata/captures/real/lossy-3pct.sender.pcap",
		"../../testdata/captures/real/lossy-3pct.sender.txt", "../../testdata/captures/real/lossy-3pct.sender.n-v.txt"} {
		t.Run(path, func(t *testing.T) {
			code, out, errOut := runCmd(t, checks.All(), "conns", "--stats", "-f", "json", path)
			if code != exitClean {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			got := decodeConns(t, out)
			if len(got.Files) != 1 || len(got.Files[0].Connections) != 1 || got.Files[0].Connections[0].Stats == nil {
				t.Fatalf("want one connection with stats:\n%s", out)
			}
			s := got.Files[0].Connections[0].Stats
			sv := s.Server
			if sv.UniqueBytes != 524288 || sv.Bytes != 541664 || sv.RetransSegments != 12 || sv.RetransBytes != 17376 ||
				int64(sv.GoodputBps+0.5) != 2569573 || sv.RTTSamples-sv.RTTEchoSamples != 31 || sv.RTTMinMS == nil {
				t.Errorf("server stats %+v", sv)
			}
			if first == nil {
				first = s
			} else if !reflect.DeepEqual(first, s) {
				t.Errorf("stats differ from the capture's:\n%+v\n%+v", s, first)
			}
			_, table, _ := runCmd(t, checks.All(), "conns", "--stats", path)
			if !strings.Contains(table, "statistics per direction") || !regexp.MustCompile(`(?m)^1 +server +541664 +524288 +12 +17376 +2\.57 MB/s`).MatchString(table) {
				t.Errorf("the table has no statistics row of the server:\n%s", table)
			}
		})
	}
}

// decodeConns decodes the output of conns --format json.
func decodeConns(t *testing.T, out string) (got struct {
	Files []report.JSONFile `json:"files"`
}) {
	t.Helper()
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	return got
}
