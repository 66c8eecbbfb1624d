package main

import (
	"encoding/json"
	"slices"
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
			var got struct {
				Files []report.JSONFile `json:"files"`
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
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
