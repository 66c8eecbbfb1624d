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

	"github.com/pcaplint/pcaplint/internal/golden"
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
	// emptyProbe: an empty zero-window probe at the peer's ack - 1 (Linux's).
	emptyProbe bool
	rules      map[string]bool // pcaplint's findings at this packet
}

// verdictCollector is an observer placed after the engine: it reads the
// verdict the checks just computed.
type verdictCollector struct {
	pk         map[int]*packetInfo
	farRSTs    map[[2]int]bool // conn ID, Dir
	resentPast map[[2]int]bool // conn ID, Dir
}

func (r *verdictCollector) Segment(c *rules.Conn, d rules.Dir, seg *tcp.Segment, _ bool) {
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
		emptyProbe:     st.v.class&isZeroWindowProbe != 0 && seg.PayloadLen == 0,
		rules:          map[string]bool{}, reusedUnseen: c.Reused && c.SYNTime.IsZero()}
	if isRST(seg) && st.v.hasNxt && tcp.SeqLess(st.v.nxt, seg.Seq) {
		r.farRSTs[[2]int{c.ID, int(d)}] = true
	}
	if st.v.class&anyRetransmission != 0 && st.v.hasNxt && tcp.SeqLess(st.v.nxt, seg.End()) {
		r.resentPast[[2]int{c.ID, int(d)}] = true
	}
	r.pk[seg.Pos.Packet] = pi
}

func (r *verdictCollector) End(*rules.Conn, rules.EndReason) {}

// difference is a documented reason for pcaplint and tshark to disagree
// on a packet. doc is the words of the check's Wireshark field that
// document it (TestAgreementDifferencesAreDocumented holds them there).
type difference struct {
	reason string
	holds  func(pi *packetInfo, connRules map[string]bool) bool
	doc    string
}

// agreement pairs a check with the tshark flag it mirrors and lists the
// documented differences each way (see each check's Wireshark field).
// also names checks whose findings count as the row's too (a flag that
// covers several of pcaplint's checks). below, when set, says why the
// flag's F1 stays under minF1; the test fails if it rises above.
type agreement struct {
	check, flag          string
	also                 []string
	tsharkOnly, oursOnly []difference
	below                string
}

// Differences shared by several rows.
var (
	// Wireshark lets a RST beyond nxt move nxt.
	afterFarRST = func(pi *packetInfo, _ map[string]bool) bool { return pi.afterFarRST }
	// A resend that fills no hole, within the reorder window: Wireshark
	// calls it out-of-order.
	quickResend = func(pi *packetInfo, _ map[string]bool) bool { return pi.quickResend }
	// A fill within the reorder window that TSval, IP ID or SACK show was
	// sent after the segment that opened the hole.
	resentFill = func(pi *packetInfo, _ map[string]bool) bool { return pi.resentFill }
)

// The differences of tshark's retransmission flag from pcaplint's
// retransmissions, of one kind or all.
var (
	resentAfterFarRST = difference{"Wireshark let an earlier RST beyond nxt move nxt", afterFarRST, "it lets a RST move the sender's nxt"}
	resentGuessed     = []difference{
		{"tshark guesses: it calls a quick resend that fills no hole out-of-order", quickResend,
			"it calls a resent segment out-of-order when it comes within the reorder window of the highest one"},
		{"tshark guesses: it calls a quick fill out-of-order; TSval, IP ID or SACK show it was resent", resentFill,
			"Wireshark guesses by timing"},
	}
)

// resentKinds are the checks that together report what Wireshark's
// tcp.analysis.retransmission flags.
var resentKinds = []string{"fast-retransmission", "spurious-retransmission", "syn-retransmitted"}

var agreements = []agreement{
	{check: "retransmission", flag: "tcp.analysis.retransmission", tsharkOnly: []difference{
		{"a resent SYN is syn-retransmitted", func(pi *packetInfo, _ map[string]bool) bool { return pi.syn && pi.rules["syn-retransmitted"] },
			"on retransmitted SYNs (here syn-retransmitted)"},
		{"fast and spurious retransmissions have their own checks", func(pi *packetInfo, _ map[string]bool) bool {
			return pi.rules["fast-retransmission"] || pi.rules["spurious-retransmission"]
		}, "also sets it on fast and spurious retransmissions (here reported by their own checks)"},
		resentAfterFarRST,
	}, oursOnly: resentGuessed, below: "Wireshark's flag also covers fast and spurious retransmissions and resent SYNs, which pcaplint reports under their own checks (the next row counts them together); where a resend comes within the reorder window, Wireshark guesses by timing and says out-of-order."},
	{check: "retransmission", also: resentKinds, flag: "tcp.analysis.retransmission", tsharkOnly: []difference{resentAfterFarRST}, oursOnly: resentGuessed, below: "where a resend comes within the reorder window of the highest segment, Wireshark guesses by timing and says out-of-order; pcaplint asks whether it fills a hole and what TSval, IP ID and SACK say, and the two-vantage-point recordings prove every such label of pcaplint right (TestLossyRecordingsRetransmissionTruth)."},
	{check: "fast-retransmission", flag: "tcp.analysis.fast_retransmission"},
	{check: "spurious-retransmission", flag: "tcp.analysis.spurious_retransmission", oursOnly: []difference{
		{"Wireshark ignores SACK: the receiver's SACK blocks held the range", func(pi *packetInfo, _ map[string]bool) bool { return pi.sackedSent },
			"a retransmission of SACKed data"},
		{"Wireshark ignores D-SACK: the receiver's D-SACK answered the retransmission", func(pi *packetInfo, _ map[string]bool) bool {
			return pi.rules["retransmission"] || pi.rules["fast-retransmission"]
		}, "one a D-SACK answered"},
	}, below: "Wireshark looks at neither SACK nor D-SACK blocks for this flag, so it misses the spurious retransmissions only they prove; with a handful of such packets in the corpus, each one weighs."},
	{check: "out-of-order", flag: "tcp.analysis.out_of_order", tsharkOnly: []difference{
		{"tshark guesses: a quick resend that fills no hole is a retransmission", func(pi *packetInfo, _ map[string]bool) bool {
			return pi.quickResend && pi.rules["retransmission"]
		}, "even if it was sent before (a quick retransmission)"},
		{"tshark guesses: TSval, IP ID or SACK show the fill was resent, a retransmission", func(pi *packetInfo, _ map[string]bool) bool {
			return pi.resentFill && pi.rules["retransmission"]
		}, "Wireshark guesses by timing alone"},
		{"Wireshark let an earlier RST beyond nxt move nxt", afterFarRST, "Wireshark also lets a RST beyond nxt (an out-of-window RST) move nxt"},
	}, below: "Wireshark guesses by timing: a resend within the reorder window is out-of-order to it, a retransmission to pcaplint when it fills no hole or when TSval, IP ID or SACK show it was sent after the segment that opened the hole."},
	{check: "seq-gap", flag: "tcp.analysis.lost_segment", tsharkOnly: []difference{
		{"the hole was filled by an out-of-order segment", func(pi *packetInfo, _ map[string]bool) bool { return pi.gap && pi.filledSoon },
			"pcaplint does not report a hole that an out-of-order segment fills within the reorder window"},
		{"a new connection on a reused 4-tuple, its SYN not captured", reusedUnseen, "whose SYN was not captured as the old one"},
	}, below: "Wireshark flags a hole at once, pcaplint only once the reorder window has passed without an out-of-order segment filling it (the crafted and generated captures reorder on purpose); and Wireshark reads a new connection on a reused 4-tuple whose SYN was not captured as the old one."},
	{check: "ack-unseen", flag: "tcp.analysis.ack_lost_segment", tsharkOnly: []difference{
		{"a repeated ACK of the same missing bytes", func(pi *packetInfo, _ map[string]bool) bool { return pi.ackBeyond && !pi.rules["ack-unseen"] },
			"it flags every such ACK where pcaplint reports the first"},
		{"the ACK covers a hole reported as seq-gap", func(pi *packetInfo, conn map[string]bool) bool { return !pi.ackBeyond && conn["seq-gap"] },
			"it also flags ACKs that cover a hole already reported as lost_segment (seq-gap)"},
		{"a new connection on a reused 4-tuple, its SYN not captured", reusedUnseen, "whose SYN was not captured as the old one"},
		{"Wireshark did not move nxt past a retransmission that carried new bytes", func(pi *packetInfo, _ map[string]bool) bool {
			return pi.peerResentPast && !pi.ackBeyond
		}, "Wireshark does not move nxt past a retransmission that carries new bytes beyond nxt"},
	}, below: "Wireshark reads a new connection on a reused 4-tuple whose SYN was not captured as the old one and flags its ACKs; it flags the ACKs that cover a hole it already called lost_segment, and (it does not move nxt past a retransmission that carries new bytes) the ACK of such bytes. Few packets carry this flag, so each difference weighs."},
	{check: "duplicate-ack", flag: "tcp.analysis.duplicate_ack", tsharkOnly: []difference{
		{"nothing was outstanding", func(pi *packetInfo, _ map[string]bool) bool { return pi.dupAck && pi.noneOwed },
			"does not require outstanding data"},
	}},
	{check: "zero-window", flag: "tcp.analysis.zero_window", tsharkOnly: []difference{
		{"a repeat within one zero-window episode", func(pi *packetInfo, _ map[string]bool) bool { return pi.prevZeroWin },
			"Wireshark flags every zero-window segment, pcaplint the first of each episode"},
	}, oursOnly: []difference{
		{"window 0 on a SYN or FIN", func(pi *packetInfo, _ map[string]bool) bool { return pi.zeroWinCtl },
			"Wireshark skips SYN and FIN segments"},
	}, below: "Wireshark flags every segment of a zero-window episode, pcaplint the first (one finding per stall, not one per probe answered)."},
	{check: "window-full", flag: "tcp.analysis.window_full"},
	{check: "window-update", flag: "tcp.analysis.window_update"},
	{check: "zero-window-probe", flag: "tcp.analysis.zero_window_probe", oursOnly: []difference{
		{"Linux's empty probe at the peer's ack - 1: Wireshark's keep-alive", linuxProbe,
			"Wireshark calls Linux's empty probe at the peer's ack - 1 tcp.analysis.keep_alive"},
	}, below: "Linux probes a zero window with an empty segment at the peer's ack - 1, a keep-alive's shape, which Wireshark calls a keep-alive whatever the window; the corpus holds few probes (15, 6 of them Linux's), so each weighs."},
	{check: "keep-alive", flag: "tcp.analysis.keep_alive", tsharkOnly: []difference{
		{"Linux's empty probe of a zero window is zero-window-probe", linuxProbe,
			"which Wireshark calls a keep-alive and pcaplint a zero-window-probe"},
	}, below: "Wireshark calls Linux's zero-window probes keep-alives: they have the shape of one, and only the peer's closed window tells them apart."},
	// A keep-alive ACK must never be a duplicate ACK: an empty check name
	// stands for "no pcaplint finding of duplicate-ack".
	{check: "", flag: "tcp.analysis.keep_alive_ack"},
}

// linuxProbe holds on an empty zero-window probe at the peer's ack - 1,
// which tshark calls a keep-alive.
func linuxProbe(pi *packetInfo, _ map[string]bool) bool {
	return pi.emptyProbe && pi.rules["zero-window-probe"]
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
	return tsharkMarks(t, "../../testdata", path)
}

// tsharkMarks is runTshark for a capture under the directory testdata,
// whose oracle/tshark holds the recordings.
func tsharkMarks(t *testing.T, testdata, path string) map[string]map[int]bool {
	t.Helper()
	res := oracle.Tshark(t, testdata, path)
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

// minF1 is the F1 score every compared flag reaches unless its agreement
// says why not, and all of them together do.
const minF1 = 0.9

// tally counts one row's agreement over the corpus.
type tally struct {
	agree, tsharkOnly, oursOnly int
	explained                   map[string]int
}

// scores are precision, recall and F1 with tshark as the reference: both
// are true positives, tshark only false negatives, pcaplint only false
// positives, documented or not. ok is false when neither flagged a packet.
func (ta *tally) scores() (precision, recall, f1 float64, ok bool) {
	if ta.agree+ta.tsharkOnly+ta.oursOnly == 0 {
		return 0, 0, 0, false
	}
	if ta.agree+ta.oursOnly > 0 {
		precision = float64(ta.agree) / float64(ta.agree+ta.oursOnly)
	}
	if ta.agree+ta.tsharkOnly > 0 {
		recall = float64(ta.agree) / float64(ta.agree+ta.tsharkOnly)
	}
	f1 = 2 * float64(ta.agree) / float64(2*ta.agree+ta.tsharkOnly+ta.oursOnly)
	return precision, recall, f1, true
}

// compared reports whether a row is scored: the keep-alive ACK row only
// asserts that pcaplint never calls such an ACK a duplicate.
func (a *agreement) compared() bool { return a.check != "" }

// single reports whether a row compares one check with one flag: the rows
// summed into the total, where each check counts once.
func (a *agreement) single() bool { return a.compared() && len(a.also) == 0 }

// corpusRun is what one run over the corpus compared.
type corpusRun struct {
	tallies          []*tally // one per agreement
	captures, packet int
	truth            []truthRow
	reorder          []reorderRow
}

// truthRow is how pcaplint and tshark label the server's data segments of
// one lossy recording, retransmission (of any kind) or not, against the
// truth the capture before the drop proves.
type truthRow struct {
	capture                 string
	segments, resent        int
	oursWrong, theirsWrong  int
	theirsOOO, theirsMissed int // true retransmissions tshark called out-of-order, or nothing
}

// againstTruth labels the lossy recordings' data segments by pcaplint's
// findings and by tshark's flags, and counts the wrong labels of each.
func againstTruth(t *testing.T) []truthRow {
	t.Helper()
	var rows []truthRow
	for _, run := range lossyRuns {
		truth := resentTruth(t, readSegments(t, filepath.Join(lossyDir, run+".sender.pcap")), lossyServerPort)
		for _, side := range []string{"sender", "receiver"} {
			path := filepath.Join(lossyDir, run+"."+side+".pcap")
			labels := resentLabels(t, truth, readSegments(t, path), nil)
			ours := map[int]bool{}
			for _, f := range lint(t, path, allAtInfo(nil)) {
				ours[f.Pos.Packet] = ours[f.Pos.Packet] || resentRules[f.Rule]
			}
			marks := runTshark(t, path)
			row := truthRow{capture: filepath.Base(path), segments: len(labels)}
			for n, resent := range labels {
				theirs := marks["tcp.analysis.retransmission"][n]
				if resent {
					row.resent++
				}
				if ours[n] != resent {
					row.oursWrong++
				}
				if theirs != resent {
					row.theirsWrong++
					switch {
					case resent && marks["tcp.analysis.out_of_order"][n]:
						row.theirsOOO++
					case resent:
						row.theirsMissed++
					}
				}
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// TestAgreementWithTshark compares, over every capture under testdata, the
// packets tshark flags with those pcaplint reports (every check at info,
// duplicate-ack from the first duplicate), and fails on any difference
// not documented in the check's Wireshark field and listed in agreements,
// on a flag whose F1 falls below minF1 without a reason given, and when
// docs/agreement.md does not hold the table it computes (go test -update
// rewrites it).
func TestAgreementWithTshark(t *testing.T) {
	run := &corpusRun{}
	for range agreements {
		run.tallies = append(run.tallies, &tally{explained: map[string]int{}})
	}
	cfg := allAtInfo(map[string]map[string]rules.Value{"duplicate-ack": {"threshold": rules.IntValue(1)}})
	paths := corpus(t)
	for _, path := range paths {
		t.Run(strings.TrimPrefix(filepath.ToSlash(path), "../../testdata/"), func(t *testing.T) {
			run.packet += agreeOn(t, path, cfg, run.tallies)
			run.captures++
		})
	}
	if run.captures != len(paths) || t.Failed() {
		return // a part of the corpus: no figures to hold
	}
	checkScores(t, run)
	run.truth = againstTruth(t)
	run.reorder = reorderRows(t)
	doc := agreementDoc(run)
	t.Log("\n" + doc)
	if mode, _ := oracle.CurrentMode(); mode == oracle.Record {
		t.Log("recording tshark's output: docs/agreement.md not compared")
		return
	}
	golden.At(t, "../../docs", "agreement.md", []byte(doc))
}

// checkScores wants every compared flag at minF1 or above, or a reason why
// not that still holds, and all flags together at minF1.
func checkScores(t *testing.T, run *corpusRun) {
	t.Helper()
	for i, a := range agreements {
		_, _, f1, ok := run.tallies[i].scores()
		switch {
		case !a.compared() || !ok:
		case f1 < minF1 && a.below == "":
			t.Errorf("%s: F1 %.3f against tshark's %s, below %.1f with no reason given", rowName(a), f1, a.flag, minF1)
		case f1 >= minF1 && a.below != "":
			t.Errorf("%s: F1 %.3f against tshark's %s reaches %.1f: drop its reason for being below", rowName(a), f1, a.flag, minF1)
		}
	}
	if _, _, f1, _ := totalOf(run).scores(); f1 < minF1 {
		t.Errorf("all flags together: F1 %.3f, below %.1f", f1, minF1)
	}
}

// totalOf sums the rows that compare one check with one flag.
func totalOf(run *corpusRun) *tally {
	sum := &tally{}
	for i, a := range agreements {
		if a.single() {
			ta := run.tallies[i]
			sum.agree += ta.agree
			sum.tsharkOnly += ta.tsharkOnly
			sum.oursOnly += ta.oursOnly
		}
	}
	return sum
}

// TestAgreementDifferencesAreDocumented wants every difference the
// comparison accepts named in its check's Wireshark field, which
// docs/rules.md publishes, and every below-minF1 reason to be a sentence.
func TestAgreementDifferencesAreDocumented(t *testing.T) {
	for _, a := range agreements {
		id := a.check
		if id == "" {
			id = "keep-alive"
		}
		c := ByID(id)
		if c == nil {
			t.Fatalf("%s: no such check", id)
		}
		if !strings.Contains(c.Wireshark, a.flag) {
			t.Errorf("%s: its Wireshark field does not name %s", id, a.flag)
		}
		for _, d := range append(append([]difference(nil), a.tsharkOnly...), a.oursOnly...) {
			if d.doc == "" || !strings.Contains(c.Wireshark, d.doc) {
				t.Errorf("%s: the difference %q is not documented: its Wireshark field lacks %q", id, d.reason, d.doc)
			}
			if strings.HasPrefix(d.reason, "tshark guesses") && !strings.Contains(c.Wireshark, "guesses") {
				t.Errorf("%s: %q, and its Wireshark field does not say that Wireshark guesses", id, d.reason)
			}
		}
		if a.below != "" && !strings.HasSuffix(a.below, ".") {
			t.Errorf("%s: the reason for F1 below %.1f is not a sentence: %q", rowName(a), minF1, a.below)
		}
	}
}

// agreeOn lints one capture and compares its findings with tshark's
// flags, adding to the tallies; it returns the packets compared.
func agreeOn(t *testing.T, path string, cfg *rules.Config, tallies []*tally) int {
	verdicts := &verdictCollector{pk: map[int]*packetInfo{}, farRSTs: map[[2]int]bool{}, resentPast: map[[2]int]bool{}}
	findings := lint(t, path, cfg, verdicts)
	connRules := map[int]map[string]bool{}
	for _, f := range findings {
		if pi := verdicts.pk[f.Pos.Packet]; pi != nil {
			pi.rules[f.Rule] = true
		}
		for back := 1; f.Rule == "out-of-order" && back <= 8; back++ {
			if pi := verdicts.pk[f.Pos.Packet-back]; pi != nil && pi.conn == f.Conn.ID {
				pi.filledSoon = true
			}
		}
		if connRules[f.Conn.ID] == nil {
			connRules[f.Conn.ID] = map[string]bool{}
		}
		connRules[f.Conn.ID][f.Rule] = true
	}
	marks := runTshark(t, path)
	for i, a := range agreements {
		compareFlag(t, path, a, marks[a.flag], verdicts, connRules, tallies[i])
	}
	return len(verdicts.pk)
}

// reports says whether pcaplint reported the row's check, or one it also
// counts, at the packet.
func (a *agreement) reports(pi *packetInfo) bool {
	if pi.rules[a.check] {
		return true
	}
	for _, id := range a.also {
		if pi.rules[id] {
			return true
		}
	}
	return false
}

func compareFlag(t *testing.T, path string, a agreement, theirs map[int]bool, verdicts *verdictCollector, connRules map[int]map[string]bool, ta *tally) {
	t.Helper()
	packets := make([]int, 0, len(verdicts.pk))
	for n := range verdicts.pk {
		packets = append(packets, n)
	}
	sort.Ints(packets)
	for _, n := range packets {
		pi := verdicts.pk[n]
		ours := a.compared() && a.reports(pi)
		if !a.compared() {
			if pi.rules["duplicate-ack"] && theirs[n] {
				t.Errorf("%s #%d: tshark says %s, pcaplint duplicate-ack", path, n, a.flag)
			}
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
	t.Errorf("%s #%d: %s (%s): %s, and no documented difference explains it", path, n, a.flag, rowName(a), side)
}

// rowName names a row by its checks.
func rowName(a agreement) string {
	if !a.compared() {
		return "(not duplicate-ack)"
	}
	return strings.Join(append([]string{a.check}, a.also...), " + ")
}

// agreementDoc renders docs/agreement.md: the figures of every row, and
// per row the reason it is below minF1 and the documented differences.
func agreementDoc(run *corpusRun) string {
	var b strings.Builder
	fmt.Fprintf(&b, `# Agreement with Wireshark

<!-- Generated by TestAgreementWithTshark (rules/checks/tshark_test.go) from
tshark's output recorded in testdata/oracle/tshark; do not edit. Rewrite it with
go test ./rules/checks -run '^TestAgreementWithTshark$' -update -->

pcaplint's checks that mirror one of Wireshark's `+"`tcp.analysis`"+` flags,
compared packet by packet with what tshark flags, on every capture under
testdata/ (%d captures, %d TCP packets): the real recordings, the crafted
and generated captures, the corpus of testdata/agreement. Every check runs
at info, `+"`duplicate-ack`"+` from the first duplicate. The comparison reads
tshark's output as recorded in testdata/oracle (`+"`PCAPLINT_ORACLE=live`"+` runs
tshark instead, and fails where it no longer says the same).

**How to read the figures.** tshark is the reference. *both*: packets tshark
flags and the check reports (true positives); *tshark only*: false
negatives; *pcaplint only*: false positives.
precision = both / (both + pcaplint only), recall = both / (both + tshark
only), F1 = 2 × both / (2 × both + tshark only + pcaplint only). A
documented difference still counts as a disagreement: the figures measure
agreement with tshark, not who is right. Every difference must be one the
check's `+"`Wireshark`"+` field documents ([rules.md](rules.md)) and the
test recognises, or the test fails; where tshark guesses by timing and
pcaplint decides by evidence (TSval, IP ID, SACK), the reason says *tshark
guesses*, and the two-vantage-point recordings of testdata/record/lossy.sh
show pcaplint's label right on every data segment.

The test wants F1 ≥ %.1f for every flag, except where a reason below says
why not (and fails when such a flag reaches %.1f, so that the reason goes),
and for all flags together: the sum of the rows that compare one check with
one flag.

| check | tshark flag | both | tshark only | pcaplint only | precision | recall | F1 |
|---|---|--:|--:|--:|--:|--:|--:|
`, run.captures, run.packet, minF1, minF1)
	for i, a := range agreements {
		b.WriteString(scoreRow(rowName(a), "`"+strings.TrimPrefix(a.flag, "tcp.analysis.")+"`", run.tallies[i], a.compared()))
	}
	b.WriteString(scoreRow("**all flags together**", "", totalOf(run), true))
	b.WriteString("\n(not duplicate-ack): tshark's `keep_alive_ack` is not a check of\npcaplint's; the row counts the keep-alive ACKs and asserts that pcaplint\ncalls none of them a duplicate ACK.\n")
	b.WriteString(truthSection(run.truth))
	b.WriteString(reorderSection(run.reorder))
	b.WriteString("\n## Documented differences\n")
	for i, a := range agreements {
		ta := run.tallies[i]
		if a.below == "" && len(ta.explained) == 0 {
			continue
		}
		_, _, f1, _ := ta.scores()
		fmt.Fprintf(&b, "\n### %s: `%s` (F1 %.3f)\n\n", rowName(a), a.flag, f1)
		if a.below != "" {
			fmt.Fprintf(&b, "Below %.1f: %s\n\n", minF1, a.below)
		}
		var why []string
		for r, n := range ta.explained {
			why = append(why, fmt.Sprintf("- %s: %d\n", r, n))
		}
		sort.Strings(why)
		b.WriteString(strings.Join(why, ""))
	}
	return b.String()
}

// truthSection renders the labels of the lossy recordings against the
// truth.
func truthSection(rows []truthRow) string {
	var b strings.Builder
	b.WriteString(`
## Against the truth

Where the two disagree on retransmissions, the recordings of
testdata/record/lossy.sh say who is right: they were captured on both sides
of a router that dropped some of the server's data segments, and the
capture before the drop proves which data segments are retransmissions
(IP ID, seq and length identify each transmission). Each data segment of
the server is labelled a retransmission of any kind or not: by pcaplint's
` + "`retransmission`, `fast-retransmission` and `spurious-retransmission`" + `,
by tshark's ` + "`retransmission`" + ` flag (which covers all three).
TestLossyRecordingsRetransmissionTruth holds pcaplint at no wrong label,
in the captures and in their ` + "`tcpdump -n`" + ` and ` + "`-n -v`" + ` text alike.

| capture | data segments | retransmissions | pcaplint wrong | tshark wrong | tshark: out-of-order | tshark: not flagged |
|---|--:|--:|--:|--:|--:|--:|
`)
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d |\n", r.capture, r.segments, r.resent, r.oursWrong, r.theirsWrong, r.theirsOOO, r.theirsMissed)
	}
	return b.String()
}

// scoreRow is one row of the table.
func scoreRow(name, flag string, ta *tally, compared bool) string {
	p, r, f1, ok := ta.scores()
	fig := "— | — | —"
	if compared && ok {
		fig = fmt.Sprintf("%.3f | %.3f | %.3f", p, r, f1)
	}
	return fmt.Sprintf("| %s | %s | %d | %d | %d | %s |\n", name, flag, ta.agree, ta.tsharkOnly, ta.oursOnly, fig)
}
