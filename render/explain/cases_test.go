package explain

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// assertNotes checks that explanation n (1-based, the summary last)
// contains every part.
func assertNotes(t *testing.T, out string, want map[int][]string) {
	t.Helper()
	notes := explained(out)
	for n, parts := range want {
		for _, p := range parts {
			if !strings.Contains(notes[n], p) {
				t.Errorf("explanation %d lacks %q:\n%s", n, p, notes[n])
			}
		}
	}
}

// realLoopback is the real "tcpdump -i any" loopback capture and its text
// (testdata/captures/real/README.md).
const realLoopback = "../../testdata/captures/real/loopback-9502-any"

func TestRealLoopbackFourWayClose(t *testing.T) {
	segs := readCapture(t, realLoopback+".pcap")
	out := checkGolden(t, "loopback-9502-any", segs, nil, Options{})
	assertNotes(t, out, map[int][]string{
		2: {"j + 1 = 1495086032 ✓", "k = 3406275731"},
		3: {"k + 1 = 3406275732 ✓", "Window 64 × 1024 = 65536 bytes (scale 10"},
		4: {"relative 1–7, absolute 1495086032–1495086038"},
		8: {"Four-way close 1/4", "server sends FIN (seq relative 19, absolute 3406275750)", "server closes first",
			"Server: ESTABLISHED → FIN_WAIT_1; client: ESTABLISHED → CLOSE_WAIT"},
		9: {"Four-way close 2/4", "client acknowledges the server's FIN: ack 19 + 1 = 20 ✓", "half-close",
			"Server: FIN_WAIT_1 → FIN_WAIT_2"},
		10: {"Four-way close 3/4", "client sends FIN (seq relative 8", "Client: CLOSE_WAIT → LAST_ACK",
			"server's own FIN is acknowledged and it receives this FIN, so it enters TIME_WAIT"},
		11: {"Four-way close 4/4", "ack 8 + 1 = 9 ✓", "server, which closed first, waits in TIME_WAIT", "client is CLOSED",
			"Client: LAST_ACK → CLOSED"},
		12: {"Zeek state SF", "Final states: client CLOSED, server TIME_WAIT"},
	})
}

// TestBuiltLinesMatchTcpdump compares the lines built for the real loopback
// capture with tcpdump's own text of it, less the "-i any" interface
// prefix, which a capture does not name.
func TestBuiltLinesMatchTcpdump(t *testing.T) {
	segs := readCapture(t, realLoopback+".pcap")
	f, err := os.Open(realLoopback + ".txt")
	if err != nil {
		t.Skipf("%v", err)
	}
	defer f.Close()
	prefix := regexp.MustCompile(`^(\S+) +\S+ +(In|Out) +`)
	lw := newLineWriter(nil)
	sc := bufio.NewScanner(f)
	for i := 0; sc.Scan(); i++ {
		// The text was printed with names resolved.
		want := strings.ReplaceAll(prefix.ReplaceAllString(sc.Text(), "$1 "), "localhost", "127.0.0.1")
		if got := lw.line(&segs[i]); got != want {
			t.Errorf("packet %d:\n got %s\nwant %s", i+1, got, want)
		}
	}
}

// handshake is a handshake with window scale 7 on both sides; the client's
// ISN is 1000 and the server's 5000.
var handshake = []pkt{
	{us: 0, flags: "S", seq: 1000, win: 64240, wscale: 7},
	{us: 300, server: true, flags: "S.", seq: 5000, ack: 1001, win: 65160, wscale: 7},
	{us: 600, flags: ".", seq: 1001, ack: 5001, win: 502},
}

func TestRefusedConnection(t *testing.T) {
	segs := craft(t, "refused.pcap", []pkt{
		{us: 0, flags: "S", seq: 1000, win: 64240, wscale: 7},
		{us: 150, server: true, flags: "R.", seq: 0, ack: 1001},
	})
	out := checkGolden(t, "refused", segs, nil, Options{})
	assertNotes(t, out, map[int][]string{
		1: {"Client: CLOSED → SYN_SENT."},
		2: {"Connection refused", "nothing listens on port 8080", "The RST acknowledges j + 1 = 1001 ✓",
			"Client: SYN_SENT → CLOSED."},
		3: {"was refused by the server", "no connection was made", "Zeek state REJ", "client CLOSED, server CLOSED"},
	})
	// The server had no listener (RFC 9293 section 3.10.7.1): it was
	// CLOSED throughout, and never in SYN_RECEIVED.
	for _, bad := range []string{"LISTEN", "SYN_RECEIVED", "connected to", "round-trip"} {
		if strings.Contains(out, bad) {
			t.Errorf("the refused connection's explanation says %q:\n%s", bad, out)
		}
	}
}

func TestAbortWithDataInFlight(t *testing.T) {
	segs := craft(t, "abort.pcap", append(handshake[:3:3],
		pkt{us: 1000, flags: "P.", seq: 1001, ack: 5001, win: 502, data: 100},
		pkt{us: 1200, server: true, flags: "P.", seq: 5001, ack: 1101, win: 509, data: 200},
		pkt{us: 1500, flags: "R.", seq: 1101, ack: 5001, win: 502},
	))
	out := checkGolden(t, "abort", segs, nil, Options{})
	assertNotes(t, out, map[int][]string{
		5: {"server acknowledges the client's bytes up to relative 100", "packet 4 (100 bytes), sent 200 µs earlier",
			"server sends 200 bytes: relative 1–200, absolute 5001–5200", "Window 509 × 128 = 65152 bytes (scale 7"},
		6: {"Abort: the client resets the connection (RST)", "0 bytes from the client, 200 from the server",
			"Client: ESTABLISHED → CLOSED; server: ESTABLISHED → CLOSED"},
		7: {"Zeek state RSTO"},
	})
}

var sentAgainText = &rules.Texts{Key: "retransmission", En: "%[1]d bytes sent again", Zh: "%[1]d 字节被重传"}

// retransmissionCheck stands in for the retransmission check of
// rules/checks, to show that findings are explained at their segment.
var retransmissionCheck = &rules.Check{
	ID: "retransmission", Title: "bytes sent again", Default: rules.Info, Hint: checks.ByID("retransmission").Hint,
	Segment: func(p *rules.Pass) {
		s := p.Conn.Side(p.Dir)
		if p.Seg.PayloadLen > 0 && s.HasNxt && tcp.SeqLess(p.Seg.Seq, s.Nxt) {
			p.Reportf(sentAgainText, p.Seg.PayloadLen)
		}
	},
}

func TestRetransmissionAndDuplicateACKs(t *testing.T) {
	segs := craft(t, "retransmission.pcap", append(handshake[:3:3],
		pkt{us: 1000, flags: "P.", seq: 1001, ack: 5001, win: 502, data: 100},
		pkt{us: 201000, flags: "P.", seq: 1001, ack: 5001, win: 502, data: 100},
		pkt{us: 201300, server: true, flags: ".", seq: 5001, ack: 1101, win: 509},
		pkt{us: 202100, flags: ".", seq: 1201, ack: 5001, win: 502, data: 100},
		pkt{us: 202400, server: true, flags: ".", seq: 5001, ack: 1101, win: 509},
		pkt{us: 203000, flags: ".", seq: 1101, ack: 5001, win: 502, data: 100},
		pkt{us: 203300, server: true, flags: ".", seq: 5001, ack: 1301, win: 509},
		pkt{us: 204000, flags: "F.", seq: 1301, ack: 5001, win: 502},
		pkt{us: 204300, server: true, flags: "F.", seq: 5001, ack: 1302, win: 509},
		pkt{us: 204600, flags: ".", seq: 1302, ack: 5002, win: 502},
	))
	out := checkGolden(t, "retransmission", segs, nil, Options{Checks: []*rules.Check{retransmissionCheck}})
	assertNotes(t, out, map[int][]string{
		5: {"Retransmission: the client already sent these bytes in packet 4, 200 ms ago", "relative 1–100, absolute 1001–1100",
			"Finding retransmission (info): 100 bytes sent again", "Read it as: the sender timed out"},
		6:  {"acknowledges packet 5 (100 bytes), sent 300 µs earlier"},
		7:  {"Gap: bytes relative 101–200 (100 bytes) were never seen", "relative 201–300, absolute 1201–1300"},
		8:  {"Duplicate ACK: the server repeats ack 101 (relative) while 200 bytes from the client are in flight"},
		9:  {"lie before the highest byte the client had sent (relative 300)", "Finding retransmission"},
		10: {"acknowledges packet 7 and packet 9 (200 bytes)", "Nothing from the client is in flight"},
		11: {"Four-way close 1/4", "Client: ESTABLISHED → FIN_WAIT_1; server: ESTABLISHED → CLOSE_WAIT"},
		12: {"Four-way close 2/4 and 3/4 in one segment", "ack 301 + 1 = 302 ✓", "server sends FIN",
			"client's own FIN is acknowledged and it receives this FIN, so it enters TIME_WAIT"},
		13: {"Four-way close 4/4", "client, which closed first, waits in TIME_WAIT", "server is CLOSED"},
		14: {"Findings: retransmission ×2"},
	})
}

func TestWrongHandshakeArithmeticShowsTheExpectedValue(t *testing.T) {
	segs := craft(t, "bad-ack.pcap", []pkt{
		{us: 0, flags: "S", seq: 1000, win: 64240},
		{us: 300, server: true, flags: "S.", seq: 5000, ack: 1002, win: 65160},
		{us: 600, flags: ".", seq: 1001, ack: 5002, win: 502},
	})
	out := explainAll(t, segs, nil, Options{})
	assertNotes(t, out, map[int][]string{
		2: {"it acknowledges 1002 ✗ (expected j + 1 = 1001)"},
		3: {"ack 2 relative to k, that is 5002 ✗ (expected k + 1 = 5001)", "does not complete the handshake"},
	})
}
