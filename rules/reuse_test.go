package rules

import (
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// TestASegmentOutsideAClosedConnectionStartsANewOne plays a segment half a
// second after a connection closed, while it is still in the table: one
// outside both old sequence spaces starts a new connection (the 4-tuple
// was reused and the capture missed the handshake), one the old
// connection can still carry does not.
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
