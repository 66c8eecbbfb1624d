package rules

import (
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// Scripts of a connection reset after its handshake: by the server, after
// a FIN from the client, by a RST outside the server's window (ignored),
// and by the client of a connection whose segments carry timestamps.
var (
	serverReset  = append(append([]step{}, handshake...), step{at: 3 * time.Millisecond, fromServer: true, flags: tcp.RST, seq: 5001})
	finThenReset = append(append([]step{}, handshake...), clientFIN,
		step{at: 4 * time.Millisecond, fromServer: true, flags: tcp.RST, seq: 5001})
	ignoredReset = append(append([]step{}, handshake...), step{at: 3 * time.Millisecond, flags: tcp.RST, seq: 900000})
	tsReset      = []step{
		{at: 0, flags: tcp.SYN, seq: 1000, tsval: 100000},
		{at: time.Millisecond, fromServer: true, flags: tcp.SYN | tcp.ACK, seq: 5000, ack: 1001, tsval: 700000},
		{at: 2 * time.Millisecond, flags: tcp.ACK, seq: 1001, ack: 5001, tsval: 100002},
		{at: 3 * time.Millisecond, flags: tcp.RST, seq: 1001},
	}
)

// TestASegmentOutsideAClosedConnectionStartsANewOne plays a segment half a
// second after a connection closed cleanly or was reset, while it is still
// in the table: one outside both old sequence spaces, or whose TSval
// jumped, starts a new connection (the 4-tuple was reused and the capture
// missed the handshake); one the old connection can still carry does not.
func TestASegmentOutsideAClosedConnectionStartsANewOne(t *testing.T) {
	at := fullClose[len(fullClose)-1].at + 500*time.Millisecond
	tests := []struct {
		name       string
		first      []step
		next       step
		newConn    bool
		fromServer bool // the new connection's first segment came from the old server
	}{
		{"data far beyond the client's FIN", fullClose, step{at: at, flags: tcp.ACK | tcp.PSH, seq: 3000001, ack: 9000001}, true, false},
		{"the server's data far beyond its FIN", fullClose, step{at: at, fromServer: true, flags: tcp.ACK | tcp.PSH, seq: 9000001, ack: 3000101}, true, true},
		{"a pure ACK of data the old server never sent", fullClose, step{at: at, flags: tcp.ACK, seq: 1002, ack: 9000001}, true, false},
		{"a SYN-ACK with another ISN", fullClose, step{at: at, fromServer: true, flags: tcp.SYN | tcp.ACK, seq: 9000000, ack: 3000001}, true, true},
		{"the client's FIN again", fullClose, step{at: at, flags: tcp.FIN | tcp.ACK, seq: 1001, ack: 5002}, false, false},
		{"the last ACK again", fullClose, step{at: at, flags: tcp.ACK, seq: 1002, ack: 5002}, false, false},
		{"a RST far away is the old connection's (rst-after-close)", fullClose, step{at: at, flags: tcp.RST, seq: 3000001}, false, false},
		{"data after a FIN not yet answered is the old connection's (data-after-fin)", halfClose,
			step{at: at, flags: tcp.ACK | tcp.PSH, seq: 3000001, ack: 5001}, false, false},
		{"data far away after a FIN each way, one unacknowledged", lastACKLost,
			step{at: at, flags: tcp.ACK | tcp.PSH, seq: 3000001, ack: 9000001}, false, false},
		{"data far away after the client's RST", reset, step{at: at, flags: tcp.ACK | tcp.PSH, seq: 3000001, ack: 9000001}, true, false},
		{"the server's data far away after the client's RST", reset,
			step{at: at, fromServer: true, flags: tcp.ACK | tcp.PSH, seq: 9000001, ack: 3000001}, true, true},
		{"an ACK of data the server never sent, after the server's RST", serverReset,
			step{at: at, flags: tcp.ACK, seq: 1001, ack: 9000001}, true, false},
		{"data far away after a FIN one way and a RST", finThenReset,
			step{at: at, flags: tcp.ACK | tcp.PSH, seq: 3000001, ack: 9000001}, true, false},
		{"the client's data again after its RST", reset, step{at: at, flags: tcp.ACK | tcp.PSH, seq: 1001, ack: 5001}, false, false},
		{"the server's data in flight within the window when the client's RST passed", reset,
			step{at: at, fromServer: true, flags: tcp.ACK | tcp.PSH, seq: 5301, ack: 1001}, false, false},
		{"the client's data beyond its RST is no data in flight", reset,
			step{at: at, flags: tcp.ACK | tcp.PSH, seq: 1301, ack: 5001}, true, false},
		{"data far away after a RST outside the window is the old connection's", ignoredReset,
			step{at: at, flags: tcp.ACK | tcp.PSH, seq: 3000001, ack: 9000001}, false, false},
		{"a SYN after a RST", reset, step{at: at, flags: tcp.SYN, seq: 3000000}, true, false},
		{"data again with the clock of the old connection", tsReset,
			step{at: at, flags: tcp.ACK | tcp.PSH, seq: 1001, ack: 5001, tsval: 100000 + 520}, false, false},
		{"data in the old space with a TSval that jumped ahead", tsReset,
			step{at: at, flags: tcp.ACK | tcp.PSH, seq: 1001, ack: 5001, tsval: 100000 + 9000000}, true, false},
		{"data in the old space with a TSval that jumped back", tsReset,
			step{at: at, flags: tcp.ACK | tcp.PSH, seq: 1001, ack: 5001, tsval: 4_000_000_000}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			col := &collector{}
			tr := NewTracker(col)
			play(tr, 40000, tt.first...)
			play(tr, 40000, tt.next)
			tr.Flush()
			if got := len(col.conns) == 2; got != tt.newConn {
				t.Fatalf("%d connections, want a new one: %v", len(col.conns), tt.newConn)
			}
			if !tt.newConn {
				return
			}
			c := col.conns[1]
			if !c.Reused || c.Client != col.conns[0].Client || c.Flipped != tt.fromServer {
				t.Errorf("the new connection: Reused %v, client %v (want %v), Flipped %v (want %v)",
					c.Reused, c.Client, col.conns[0].Client, c.Flipped, tt.fromServer)
			}
			if wantMid := tt.next.flags&tcp.SYN == 0; c.Midstream != wantMid {
				t.Errorf("Midstream = %v, want %v", c.Midstream, wantMid)
			}
		})
	}
}
