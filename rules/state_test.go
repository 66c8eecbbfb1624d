package rules

import (
	"slices"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// statePaths names the states each end of the first connection went
// through, initial state first.
func statePaths(steps []step) (client, server []string) {
	col := &collector{}
	tr := NewTracker(col)
	play(tr, 40000, steps...)
	tr.Flush()
	c := col.conns[0]
	names := func(d Dir) []string {
		var out []string
		for _, s := range c.StatePath(d) {
			out = append(out, s.String())
		}
		return out
	}
	return names(FromClient), names(FromServer)
}

func TestAServerChangesStateOnlyWhenItsReplyIsSeen(t *testing.T) {
	syn := step{flags: tcp.SYN, seq: 1000}
	refusal := step{at: time.Millisecond, fromServer: true, flags: tcp.RST | tcp.ACK, ack: 1001}
	tests := []struct {
		name           string
		steps          []step
		client, server []string
	}{
		{"a handshake", handshake,
			[]string{"CLOSED", "SYN_SENT", "ESTABLISHED"}, []string{"LISTEN", "SYN_RECEIVED", "ESTABLISHED"}},
		// RFC 9293 section 3.10.7.1: a port with no listener is CLOSED and
		// answers a SYN with RST; it never was in SYN_RECEIVED.
		{"a SYN refused by RST", []step{syn, refusal},
			[]string{"CLOSED", "SYN_SENT", "CLOSED"}, []string{"CLOSED"}},
		{"a SYN sent twice, refused twice", []step{syn, refusal, {at: time.Second, flags: tcp.SYN, seq: 1000}, refusal},
			[]string{"CLOSED", "SYN_SENT", "CLOSED", "SYN_SENT", "CLOSED"}, []string{"CLOSED"}},
		{"a SYN never answered", []step{syn},
			[]string{"CLOSED", "SYN_SENT"}, []string{"LISTEN"}},
		{"the SYN-ACK not captured", []step{syn, handshake[2]},
			[]string{"CLOSED", "SYN_SENT", "ESTABLISHED"}, []string{"LISTEN", "ESTABLISHED"}},
		{"a handshake reset by the client", append(append([]step{}, handshake...), clientRST),
			[]string{"CLOSED", "SYN_SENT", "ESTABLISHED", "CLOSED"}, []string{"LISTEN", "SYN_RECEIVED", "ESTABLISHED", "CLOSED"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, server := statePaths(tt.steps)
			if !slices.Equal(client, tt.client) || !slices.Equal(server, tt.server) {
				t.Errorf("client %v, server %v; want client %v, server %v", client, server, tt.client, tt.server)
			}
		})
	}
}
