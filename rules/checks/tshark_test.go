package checks

import (
	"bufio"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/internal/oracle"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// tsharkFlags are the tcp.analysis flags compared, in the order of
// tshark's columns after the frame number and the stream.
var tsharkFlags = oracle.TsharkFields[2:]

// packetInfo is what the comparison needs to know of one packet to tell
// a documented difference from a bug.
type packetInfo struct {
	conn        int
	syn         bool
	quickResend bool // resent within the reorder window, no hole filled
	resentFill  bool // filled a hole within the reorder window, sent after the segment that opened it
	sackedSent  bool // resent what the receiver's latest SACK blocks held
	prevZeroWin bool // the sender's previous segment had window 0
	zeroWinCtl  bool // window 0 on a SYN or FIN
	ackBeyond   bool // ack > peer's nxt: an ack-unseen candidate
	noneOwed    bool // a pure ACK while the peer had nothing unacknowledged
	dupAck      bool
	afterFarRST bool // the sender sent a RST beyond its nxt before
	// peerResentPast: the peer sent a retransmission that carried new
	// bytes beyond its nxt before (Wireshark does not move nxt then).
	peerResentPast bool
	gap            bool // the segment started beyond nxt
	filledSoon     bool // an out-of-order finding follows within a few packets
	// reusedUnseen: the packet's connection reused a closed one's 4-tuple
	// and its SYN was not captured (tshark reads it as the old one).
	reusedUnseen bool
	rules        map[string]bool // pcaplint's findings at this packet
}

// recorder is an observer placed after the engine: it reads the verdict
// the checks just computed.
type recorder struct {
	pk         map[int]*packetInfo
	farRSTs    map[[2]int]bool // conn ID, Dir
	resentPast map[[2]int]bool // conn ID, Dir
}

func (r *recorder) Segment(c *rules.Conn, d rules.Dir, seg *tcp.Segment, _ bool) {
	st := stateOf(c)
	peer := &c.Sides[d.Peer()]
	f := &st.flows[d]
	pi := &packetInfo{conn: c.ID, syn: seg.Flags&tcp.SYN != 0, quickResend: st.v.quickResend,
		resentFill:     st.v.filled && st.v.fill.sentAfter,
		sackedSent:     st.v.sacked,
		prevZeroWin:    f.hasWin && st.v.prevWin == 0 && seg.Window == 0,
		zeroWinCtl:     seg.Window == 0 && seg.Flags&(tcp.SYN|tcp.FIN) != 0 && seg.Flags&tcp.RST == 0,
		ackBeyond:      seg.Flags&tcp.ACK != 0 && peer.HasNxt && tcp.SeqLess(peer.Nxt, seg.Ack),
		noneOwed:       peer.HasNxt && !tcp.SeqLess(seg.Ack, peer.Nxt),
		dupAck:         st.v.class&isDupAck != 0,
		afterFarRST:    r.farRSTs[[2]int{c.ID, int(d)}],
		peerResentPast: r.resentPast[[2]int{c.ID, int(d.Peer())}],
		gap:            st.v.class&isGap != 0,
		rules:          map[string]bool{}, reusedUnseen: c.Reused && c.SYNTime.IsZero()}
	if isRST(seg) && st.v.hasNxt && tcp.SeqLess(st.v.nxt, seg.Seq) {
		r.farRSTs[[2]int{c.ID, int(d)}] = true
	}
	if st.v.class&anyRetransmission != 0 && st.v.hasNxt && tcp.SeqLess(st.v.nxt, seg.End()) {
		r.resentPast[[2]int{c.ID, int(d)}] = true
	}
	r.pk[seg.Pos.Packet] = pi
}

func (r *recorder) End(*rules.Conn, rules.EndReason) {}

// difference is a documented reason for pcaplint and tshark to disagree
// on a packet.
type difference struct {
	reason string
	holds  func(pi *packetInfo, connRules map[string]bool) bool
}

// agreement pairs a check with the tshark flag it mirrors and lists the
// documented differences each way (see each check's Wireshark field).
type agreement struct {
	check, flag          string
	tsharkOnly, oursOnly []difference
}

var agreements = []agreement{
	{check: "retransmission", flag: "tcp.analysis.retransmission", tsharkOnly: []difference{
		{"a resent SYN is syn-retransmitted", func(pi *packetInfo, _ map[string]bool) bool { return pi.syn && pi.rules["syn-retransmitted"] }},
		{"fast and spurious retransmissions have their own checks", func(pi *packetInfo, _ map[string]bool) bool {
			return pi.rules["fast-retransmission"] || pi.rules["spurious-retransmission"]
		}},
		{"Wireshark let an earlier RST beyond nxt move nxt", func(pi *packetInfo, _ map[string]bool) bool { return pi.afterFarRST }},
	}, oursOnly: []difference{
		{"Wireshark calls a quick resend that fills no hole out-of-order", func(pi *packetInfo, _ map[string]bool) bool { return pi.quickResend }},
		{"Wireshark calls a quick fill out-of-order; TSval, IP ID or SACK show it was resent", func(pi *packetInfo, _ map[string]bool) bool { return pi.resentFill }},
	}},
	{check: "fast-retransmission", flag: "tcp.analysis.fast_retransmission"},
	{check: "spurious-retransmission", flag: "tcp.analysis.spurious_retransmission", oursOnly: []difference{
		{"Wireshark ignores SACK: the receiver's SACK blocks held the range", func(pi *packetInfo, _ map[string]bool) bool { return pi.sackedSent }},
		{"Wireshark ignores D-SACK: the receiver's D-SACK answered the retransmission", func(pi *packetInfo, _ map[string]bool) bool {
			return pi.rules["retransmission"] || pi.rules["fast-retransmission"]
		}},
	}},
	{check: "out-of-order", flag: "tcp.analysis.out_of_order", tsharkOnly: []difference{
		{"a quick resend that fills no hole is a retransmission", func(pi *packetInfo, _ map[string]bool) bool {
			return pi.quickResend && pi.rules["retransmission"]
		}},
		{"TSval, IP ID or SACK show the fill was resent: a retransmission", func(pi *packetInfo, _ map[string]bool) bool {
			return pi.resentFill && pi.rules["retransmission"]
		}},
		{"Wireshark let an earlier RST beyond nxt move nxt", func(pi *packetInfo, _ map[string]bool) bool { return pi.afterFarRST }},
	}},
	{check: "seq-gap", flag: "tcp.analysis.lost_segment", tsharkOnly: []difference{
		{"the hole was filled by an out-of-order segment", func(pi *packetInfo, _ map[string]bool) bool { return pi.gap && pi.filledSoon }},
		{"a new connection on a reused 4-tuple, its SYN not captured", reusedUnseen},
	}},
	{check: "ack-unseen", flag: "tcp.analysis.ack_lost_segment", tsharkOnly: []difference{
		{"a repeated ACK of the same missing bytes", func(pi *packetInfo, _ map[string]bool) bool { return pi.ackBeyond && !pi.rules["ack-unseen"] }},
		{"the ACK covers a hole reported as seq-gap", func(pi *packetInfo, conn map[string]bool) bool { return !pi.ackBeyond && conn["seq-gap"] }},
		{"a new connection on a reused 4-tuple, its SYN not captured", reusedUnseen},
		{"Wireshark did not move nxt past a retransmission that carried new bytes", func(pi *packetInfo, _ map[string]bool) bool {
			return pi.peerResentPast && !pi.ackBeyond
		}},
	}},
	{check: "duplicate-ack", flag: "tcp.analysis.duplicate_ack", tsharkOnly: []difference{
		{"nothing was outstanding", func(pi *packetInfo, _ map[string]bool) bool { return pi.dupAck && pi.noneOwed }},
	}},
	{check: "zero-window", flag: "tcp.analysis.zero_window", tsharkOnly: []difference{
		{"a repeat within one zero-window episode", func(pi *packetInfo, _ map[string]bool) bool { return pi.prevZeroWin }},
	}, oursOnly: []difference{
		{"window 0 on a SYN or FIN", func(pi *packetInfo, _ map[string]bool) bool { return pi.zeroWinCtl }},
	}},
	{check: "window-full", flag: "tcp.analysis.window_full"},
	{check: "window-update", flag: "tcp.analysis.window_update"},
	{check: "zero-window-probe", flag: "tcp.analysis.zero_window_probe"},
	{check: "keep-alive", flag: "tcp.analysis.keep_alive"},
	// A keep-alive ACK must never be a duplicate ACK: an empty check name
	// stands for "no pcaplint finding of duplicate-ack".
	{check: "", flag: "tcp.analysis.keep_alive_ack"},
}

// reusedUnseen holds on the packets of a connection that reused a closed
// one's 4-tuple without a captured SYN: tshark reads its first segments
// against the old connection's sequence numbers.
func reusedUnseen(pi *packetInfo, _ map[string]bool) bool { return pi.reusedUnseen }

// runTshark returns, per flag, the packets tshark marks: by default as
// its recording under testdata/oracle says, with PCAPLINT_ORACLE=live as
// tshark says now.
func runTshark(t *testing.T, path string) map[string]map[int]bool {
	t.Helper()
	res := oracle.Tshark(t, "../../testdata", path)
	if res.Fail != "" {
		t.Fatalf("tshark %s: %s", path, res.Fail)
	}
	marks := map[string]map[int]bool{}
	for _, f := range tsharkFlags {
		marks[f] = map[int]bool{}
	}
	sc := bufio.NewScanner(strings.NewReader(res.Out))
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		n, err := strconv.Atoi(cols[0])
		if err != nil || len(cols) != len(oracle.TsharkFields) {
			t.Fatalf("tshark %s: unexpected line %q", path, sc.Text())
		}
		for i, f := range tsharkFlags {
			if cols[i+2] != "" {
				marks[f][n] = true
			}
		}
	}
	return marks
}

// corpus lists every capture under testdata.
func corpus(t *testing.T) []string {
	var paths []string
	err := filepath.WalkDir("../../testdata", func(p string, d fs.DirEntry, err error) error {
		// Deliberately broken captures belong to the hardening tests.
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".pcap") || strings.HasSuffix(p, ".pcapng")) &&
			!strings.HasPrefix(d.Name(), "broken-") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

// tally counts one check's agreement over the corpus.
type tally struct {
	agree, tsharkOnly, oursOnly int
	explained                   map[string]int
}

// TestAgreementWithTshark compares, over every capture under testdata, the
// packets tshark flags with those pcaplint reports (every check at info,
// duplicate-ack from the first duplicate), and fails on any difference
// not documented in the check's Wireshark field and listed in agreements.
func TestAgreementWithTshark(t *testing.T) {
	tallies := map[string]*tally{}
	for _, a := range agreements {
		tallies[a.flag] = &tally{explained: map[string]int{}}
	}
	cfg := allAtInfo(map[string]map[string]any{"duplicate-ack": {"threshold": 1}})
	for _, path := range corpus(t) {
		t.Run(strings.TrimPrefix(filepath.ToSlash(path), "../../testdata/"), func(t *testing.T) {
			agreeOn(t, path, cfg, tallies)
		})
	}
	t.Log("\n" + agreementTable(tallies))
}

// agreeOn lints one capture and compares its findings with tshark's
// flags, adding to the tallies.
func agreeOn(t *testing.T, path string, cfg *rules.Config, tallies map[string]*tally) {
	rec := &recorder{pk: map[int]*packetInfo{}, farRSTs: map[[2]int]bool{}, resentPast: map[[2]int]bool{}}
	findings := lint(t, path, cfg, rec)
	connRules := map[int]map[string]bool{}
	for _, f := range findings {
		if pi := rec.pk[f.Pos.Packet]; pi != nil {
			pi.rules[f.Rule] = true
		}
		for back := 1; f.Rule == "out-of-order" && back <= 8; back++ {
			if pi := rec.pk[f.Pos.Packet-back]; pi != nil && pi.conn == f.Conn.ID {
				pi.filledSoon = true
			}
		}
		if connRules[f.Conn.ID] == nil {
			connRules[f.Conn.ID] = map[string]bool{}
		}
		connRules[f.Conn.ID][f.Rule] = true
	}
	marks := runTshark(t, path)
	for _, a := range agreements {
		compareFlag(t, path, a, marks[a.flag], rec, connRules, tallies[a.flag])
	}
}

func compareFlag(t *testing.T, path string, a agreement, theirs map[int]bool, rec *recorder, connRules map[int]map[string]bool, ta *tally) {
	t.Helper()
	packets := make([]int, 0, len(rec.pk))
	for n := range rec.pk {
		packets = append(packets, n)
	}
	sort.Ints(packets)
	for _, n := range packets {
		pi := rec.pk[n]
		ours := a.check != "" && pi.rules[a.check]
		if a.check == "" && pi.rules["duplicate-ack"] && theirs[n] {
			t.Errorf("%s #%d: tshark says %s, pcaplint duplicate-ack", path, n, a.flag)
		}
		if a.check == "" {
			ours = theirs[n] // nothing to compare beyond the assertion above
		}
		switch {
		case ours == theirs[n]:
			if ours {
				ta.agree++
			}
		case theirs[n]:
			ta.tsharkOnly++
			explain(t, path, n, a, "tshark only", a.tsharkOnly, pi, connRules[pi.conn], ta)
		default:
			ta.oursOnly++
			explain(t, path, n, a, "pcaplint only", a.oursOnly, pi, connRules[pi.conn], ta)
		}
	}
}

func explain(t *testing.T, path string, n int, a agreement, side string, diffs []difference, pi *packetInfo, conn map[string]bool, ta *tally) {
	t.Helper()
	for _, d := range diffs {
		if d.holds(pi, conn) {
			ta.explained[side+": "+d.reason]++
			return
		}
	}
	t.Errorf("%s #%d: %s: %s, and no documented difference explains it", path, n, a.flag, side)
}

// agreementTable renders the tallies as a Markdown table.
func agreementTable(ts map[string]*tally) string {
	var b strings.Builder
	b.WriteString("| check | tshark flag | both | tshark only | pcaplint only | explained by |\n|---|---|---|---|---|---|\n")
	for _, a := range agreements {
		ta := ts[a.flag]
		var why []string
		for r, n := range ta.explained {
			why = append(why, fmt.Sprintf("%s (%d)", r, n))
		}
		sort.Strings(why)
		name := a.check
		if name == "" {
			name = "(not duplicate-ack)"
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %d | %s |\n", name, strings.TrimPrefix(a.flag, "tcp.analysis."), ta.agree, ta.tsharkOnly, ta.oursOnly, strings.Join(why, "; "))
	}
	return b.String()
}
