package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/rules/checks"
)

// notesOver are the states a Mermaid diagram notes over a participant.
var notesOver = regexp.MustCompile(`(?m)^\s*Note over (P\d): (\S+)$`)

// The real refused connect (a SYN answered by RST) read by every command,
// from the capture and from its text: the server stays CLOSED, no
// handshake is made, and each says refused (REJ) rather than incomplete.
func TestRefusedConnectionInEveryCommand(t *testing.T) {
	for _, path := range []string{"../../testdata/captures/real/refused.pcap", "../../testdata/captures/real/refused.txt"} {
		t.Run(path, func(t *testing.T) {
			code, out, errOut := runCmd(t, checks.All(), "explain", path)
			if code != exitClean {
				t.Fatalf("explain: exit %d: %s", code, errOut)
			}
			for _, want := range []string{"Connection refused", "was refused by the server", "no connection was made",
				"Zeek state REJ, refused", "Final states: client CLOSED, server CLOSED.", "Client: SYN_SENT → CLOSED."} {
				if !strings.Contains(out, want) {
					t.Errorf("explain does not say %q:\n%s", want, out)
				}
			}
			for _, bad := range []string{"LISTEN", "SYN_RECEIVED", "Server: ", "handshake-incomplete"} {
				if strings.Contains(out, bad) {
					t.Errorf("explain says %q:\n%s", bad, out)
				}
			}

			code, out, errOut = runCmd(t, checks.All(), "diagram", "-f", "mermaid", path)
			if code != exitClean {
				t.Fatalf("diagram: exit %d: %s", code, errOut)
			}
			states := map[string][]string{}
			for _, m := range notesOver.FindAllStringSubmatch(out, -1) {
				states[m[1]] = append(states[m[1]], m[2])
			}
			if !slices.Equal(states["P0"], []string{"CLOSED", "SYN_SENT", "CLOSED"}) || !slices.Equal(states["P1"], []string{"CLOSED"}) {
				t.Errorf("diagram states: client %v, server %v; want [CLOSED SYN_SENT CLOSED], [CLOSED]:\n%s", states["P0"], states["P1"], out)
			}
			if !strings.Contains(out, "connection-refused") {
				t.Errorf("diagram does not mark the RST connection-refused:\n%s", out)
			}

			code, out, errOut = runCmd(t, checks.All(), "conns", path)
			if code != exitClean {
				t.Fatalf("conns: exit %d: %s", code, errOut)
			}
			if !regexp.MustCompile(`(?m)^1 +127\.0\.0\.1:40300 +127\.0\.0\.1:9103 +2 +0 +\S+ +REJ +Sr$`).MatchString(out) {
				t.Errorf("conns: no REJ row with history Sr:\n%s", out)
			}

			code, out, _ = runCmd(t, checks.All(), "lint", "--fail-on", "info", path)
			if code != exitFindings || !strings.Contains(out, "info connection-refused: SYN to server 127.0.0.1:9103 answered by RST") ||
				strings.Contains(out, "handshake-incomplete") || !strings.Contains(out, "1 finding (0 errors, 0 warnings, 1 info)") {
				t.Errorf("lint: exit %d:\n%s", code, out)
			}
		})
	}
}
