package explain

import "testing"

// variant is a crafted exchange and what its explanations must say, by
// explanation number (1-based).
type variant struct {
	name string
	pkts []pkt
	want map[int][]string
}

func runVariants(t *testing.T, cases []variant) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			segs := craft(t, "variant.pcap", c.pkts)
			assertNotes(t, explainAll(t, segs, nil, Options{}), c.want)
		})
	}
}

// established prefixes an exchange with the handshake.
func established(pkts []pkt) []pkt { return append(handshake[:3:3], pkts...) }

// TestCloseAndFlowVariants reads the less common endings and flow events
// of one established connection: each case appends to the handshake and
// names the explanation (1-based, counting the handshake's three) that
// must say each part.
func TestCloseAndFlowVariants(t *testing.T) {
	runVariants(t, []variant{
		{"a simultaneous close", established([]pkt{
			{us: 1000, flags: "F.", seq: 1001, ack: 5001, win: 502},
			{us: 1010, server: true, flags: "F.", seq: 5001, ack: 1001, win: 509},
			{us: 1300, flags: ".", seq: 1002, ack: 5002, win: 502},
			{us: 1310, server: true, flags: ".", seq: 5002, ack: 1002, win: 509},
		}), map[int][]string{
			4: {"Four-way close 1/4"},
			5: {"Simultaneous close.", "Both sides sent FIN before either was acknowledged", "Server: FIN_WAIT_1 → CLOSING; client: FIN_WAIT_1 → CLOSING"},
			6: {"Simultaneous close.", "The client acknowledges the server's FIN: ack 1 + 1 = 2 ✓"},
			7: {"Four-way close 4/4", "The server acknowledges the client's FIN"},
		}},
		{"a reset after both FINs", established([]pkt{
			{us: 1000, flags: "F.", seq: 1001, ack: 5001, win: 502},
			{us: 1300, server: true, flags: "F.", seq: 5001, ack: 1002, win: 509},
			{us: 1600, flags: "R", seq: 1002, win: 0},
		}), map[int][]string{
			6: {"Reset after close: both FINs were already exchanged; the client's RST only clears what was left"},
		}},
		{"a zero window and its reopening", established([]pkt{
			{us: 1000, server: true, flags: "P.", seq: 5001, ack: 1001, win: 509, data: 1000},
			{us: 1300, flags: ".", seq: 1001, ack: 6001, win: 0},
			{us: 9000, flags: ".", seq: 1001, ack: 6001, win: 300},
		}), map[int][]string{
			5: {"Window 0: the client's receive buffer is full; the server must stop sending"},
			6: {"Window 300 × 128 = 38400 bytes (scale 7 from the handshake), was 0"},
		}},
		{"a keep-alive", established([]pkt{
			{us: 1000, flags: "P.", seq: 1001, ack: 5001, win: 502, data: 10},
			{us: 1300, server: true, flags: ".", seq: 5001, ack: 1011, win: 509},
			{us: 60001300, flags: ".", seq: 1010, ack: 5001, win: 502},
		}), map[int][]string{
			6: {"idle for 1 min", "Keep-alive: the client sends at one below its next sequence number"},
		}},
	})
}

// TestHandshakeVariants reads handshakes that are not the textbook three
// segments.
func TestHandshakeVariants(t *testing.T) {
	runVariants(t, []variant{
		{"a SYN sent again", []pkt{
			{us: 0, flags: "S", seq: 1000, win: 64240},
			{us: 1000000, flags: "S", seq: 1000, win: 64240},
			{us: 1000300, server: true, flags: "S.", seq: 5000, ack: 1001, win: 65160},
		}, map[int][]string{
			2: {"The client sends its SYN again (same j = 1000), 1 s after the first one"},
			3: {"It comes 1 s after the first SYN and 300 µs after the last one"},
		}},
		{"a SYN-ACK whose SYN is not captured", []pkt{
			{us: 0, server: true, flags: "S.", seq: 5000, ack: 1001, win: 65160, wscale: 7},
			{us: 300, flags: ".", seq: 1001, ack: 5001, win: 502},
		}, map[int][]string{
			1: {"answers the client 192.0.2.10:51000, whose SYN is not in the log: it acknowledges 1001 (so j = 1001 − 1)",
				"Window scaling is off: the client did not offer it"},
			2: {"Handshake 3/3", "k + 1 = 5001 ✓"},
		}},
	})
}
