package checks

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// A SYN flood beyond the connection table's cap evicts connections, says
// so once with a count, and reports the unanswered SYNs up to the
// per-rule limit and a count of the rest.
func TestSYNFloodFillsTheTableAndTheReportStaysShort(t *testing.T) {
	const syns, maxConns = 20_000, 1000
	eng, err := rules.NewEngine(append(All(), Limits()...), nil)
	if err != nil {
		t.Fatal(err)
	}
	tr := rules.NewTracker(eng)
	tr.MaxConns = maxConns
	dst := tcp.Endpoint{Addr: netip.MustParseAddr("192.0.2.1"), Port: 80}
	for i := range syns {
		seg := tcp.Segment{Src: tcp.Endpoint{Addr: netip.AddrFrom4([4]byte{10, 0, byte(i >> 8), byte(i)}), Port: 40000}, Dst: dst,
			Flags: tcp.SYN, Seq: uint32(i), Window: 65535, Known: tcp.KnownAll, Pos: tcp.Pos{File: "flood", Packet: i + 1}}
		tr.Add(&seg)
		if tr.Live() > maxConns {
			t.Fatalf("%d live connections after %d SYNs, cap %d", tr.Live(), i+1, maxConns)
		}
	}
	tr.Flush()
	byRule := map[string][]string{}
	for _, f := range eng.Findings() {
		byRule[f.Rule] = append(byRule[f.Rule], f.Message)
	}
	if got := tr.Evicted(); got != syns-maxConns {
		t.Errorf("evicted %d, want %d", got, syns-maxConns)
	}
	full := byRule["conn-table-full"]
	if len(full) != 2 || !strings.HasPrefix(full[0], "connection table full") || full[1] != "18999 more connections evicted from the full connection table" {
		t.Errorf("conn-table-full findings %q", full)
	}
	hs := byRule["handshake-incomplete"]
	if len(hs) != rules.DefaultMaxPerRule+1 || !strings.Contains(strings.Join(hs, "\n"), "19000 more handshake-incomplete findings not shown") {
		t.Errorf("%d handshake-incomplete findings, want %d and a summary of 19000", len(hs), rules.DefaultMaxPerRule+1)
	}
	for rule := range byRule {
		if rule != "conn-table-full" && rule != "handshake-incomplete" {
			t.Errorf("unexpected %s findings: %q", rule, byRule[rule][0])
		}
	}
}
