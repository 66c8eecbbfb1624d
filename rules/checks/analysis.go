package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// seqClass is a set of facts the sequence analysis established about one
// segment.
type seqClass uint32

// Facts about a segment, in the order the analysis tests them.
const (
	isZeroWindowProbe seqClass = 1 << iota
	isZeroWindow
	isGap
	isKeepAlive
	isWindowUpdate
	isWindowFull
	isKeepAliveAck
	isZeroWindowProbeAck
	isDupAck
	isFastRetransmission
	isOutOfOrder
	isSpuriousRetransmission
	isRetransmission
	// hasExpiredHoles: holes whose reorder window passed are in the
	// verdict (verdict.expired), to be reported as gaps.
	hasExpiredHoles
	// The facts below only let checks skip segments they have nothing to
	// say about.
	//
	// hasBadChecksum: the input verified a checksum and found it wrong.
	hasBadChecksum
	// beforeEstablished: the connection had not completed its handshake
	// before this segment (or never will: no SYN was captured).
	beforeEstablished
	// afterFIN: the sender had sent its FIN before this segment.
	afterFIN
	// inZeroWindow: the segment advertises a zero window, or its sender's
	// zero-window episode is open (flow.zeroWin).
	inZeroWindow
	// ackBeyondNxt: the segment acknowledges more than its peer sent.
	ackBeyondNxt
	// hasDSACK: the segment's D-SACK block covers its peer's latest
	// retransmission (verdict.dsacked).
	hasDSACK
	// isOversize: the segment carries more than the MSS its receiver
	// announced (segmentation offload at the capture point).
	isOversize
)

// anyRetransmission is every kind of resent data.
const anyRetransmission = isFastRetransmission | isSpuriousRetransmission | isRetransmission

// defaultReorderWindow is how soon after the highest segment a segment
// below it must come to count as reordered when the handshake RTT is
// unknown (Wireshark's 3 ms).
const defaultReorderWindow = 3 * time.Millisecond

// fastRetransmitWindow is how soon after a duplicate ACK a retransmission
// must follow to count as a fast retransmission (Wireshark's 20 ms).
const fastRetransmitWindow = 20 * time.Millisecond

// verdict is what the sequence analysis found about the current segment.
// Its small fields come last, so that no padding between them makes every
// connection's state larger.
type verdict struct {
	class seqClass
	// nxt is the sender's next sequence number before the segment, when
	// hasNxt.
	nxt uint32
	// since is the time since the sender's highest segment.
	since time.Duration
	// dupNum numbers a duplicate ACK within its run (1 for the first).
	dupNum int
	// fill says, when filled is set (the segment filled a hole within
	// the reorder window), whether it was sent before or after the
	// segment that opened the hole (out-of-order or retransmission), and
	// why.
	fill evidence
	// expired are holes whose reorder window passed unfilled at this
	// segment, judged and joined (joinRuns): they are reported as gaps.
	// Its storage is kept from segment
	// to segment, and allocated only once a connection has a gap.
	expired []hole
	// prevWin is the sender's previous raw window.
	prevWin uint16
	hasNxt  bool
	// quickResend marks a resent segment that came within the reorder
	// window but filled no hole: Wireshark calls it out-of-order, pcaplint
	// a retransmission.
	quickResend bool
	filled      bool
	// sacked is set on a spurious retransmission whose range the
	// receiver's latest SACK blocks held (rather than its ACK).
	sacked bool
	// priorReset is set when a RST was accepted before this segment.
	priorReset bool
}

// flow is the sequence analysis state of one direction.
type flow struct {
	nxtTime time.Time // when nxt last advanced
	ackTime time.Time // time of the sender's latest segment
	// holes are the unfilled gaps, oldest first; the array is allocated
	// at the first gap, so that a connection without one stays small.
	holes   *[maxHoles]hole
	nHoles  int
	dupAcks int
	// base makes sequence numbers relative: the ISN, or the first seq
	// seen minus one when the SYN was not captured (as Wireshark does).
	base    uint32
	nxt     uint32
	lastAck uint32
	last    seqClass // facts about the sender's previous segment
	// sack are the SACK blocks of the sender's latest ACK (RFC 2018).
	sack [tcp.MaxSACKBlocks]tcp.SACKBlock
	win  uint16 // latest raw window field
	// ipid follows whether the sender's IP IDs count up, to order its
	// segments by.
	ipid ipidOrder
	// flights counts the data segments that advanced nxt, up to
	// initialWindow+1 (one-direction-captured).
	flights uint8
	nSACK   uint8
	hasBase bool
	hasNxt  bool
	hasAck  bool
	hasWin  bool
	// zeroWin is set while the sender's latest window, on a segment
	// other than a RST, is zero: its zero-window episode is open.
	zeroWin bool
}

// initialWindow is the most segments a sender may send before its first
// ACK arrives (RFC 6928: an initial window of 10 segments).
const initialWindow = 10

// connState is the sequence analysis' state of a connection
// (seqStates), which the checks that require the analysis read.
type connState struct {
	v     verdict
	flows [2]flow
	// window overrides the reorder window (out-of-order's window param).
	window time.Duration
	// flagless is set once a segment came without flags (tcpdump -q): a
	// FIN or RST may have passed unseen.
	flagless bool
	// x is the part only connections with a retransmission need, nil
	// until one does (see extraState).
	x *extraState
}

// extraState is the part of the analysis' state that a connection needs
// only once it retransmits. It is allocated at the first retransmission
// (extra), so that the live connections of a SYN flood, which never get
// there, cost less; a released state keeps it, emptied, for the
// connection that reuses the state.
type extraState struct {
	// resend is each direction's latest retransmission.
	resend [2]resendMark
	// dsacked is the retransmission the current segment's D-SACK block
	// showed spurious (hasDSACK).
	dsacked resendMark
	// resentRun is each direction's run of adjacent resent parts of a
	// held-open hole, not yet reported (addResentPart); empty when lo ==
	// hi.
	resentRun [2]hole
}

// extra returns the connection's extraState, allocating it at first use.
func (st *connState) extra() *extraState {
	if st.x == nil {
		st.x = new(extraState)
	}
	return st.x
}

// seqStates holds the sequence analysis' state of each connection.
var seqStates = rules.NewCheckState[connState]("sequence analysis")

// stateOf returns the sequence analysis' state of c.
func stateOf(c *rules.Conn) *connState { return seqStates.Of(c) }

// seqAnalysis is the sequence analysis most checks read (Requires: seq):
// relative sequence numbers for their messages at least, the segment's
// class for most. The engine runs it once per segment before the checks'
// hooks.
var seqAnalysis = &rules.Analysis{
	Name: "sequence",
	Segment: func(c *rules.Conn, d rules.Dir, seg *tcp.Segment, _ bool) rules.SegmentKind {
		st := stateOf(c)
		st.classify(c, d, seg)
		st.settleResentRuns()
		k := st.v.class
		if len(st.v.expired) > 0 {
			st.v.expired = joinRuns(c, st, st.v.expired)
			k |= hasExpiredHoles
		}
		if seg.Has(tcp.KnownChecksum) && (seg.Checksum == tcp.ChecksumBadTCP || seg.Checksum == tcp.ChecksumBadIP) {
			k |= hasBadChecksum
		}
		if !c.Established() {
			k |= beforeEstablished
		}
		if c.Sides[d].HasFIN {
			k |= afterFIN
		}
		if (seg.Has(tcp.KnownWindow) && seg.Window == 0) || st.flows[d].zeroWin {
			k |= inZeroWindow
		}
		if seg.Has(tcp.KnownWindow) && !isRST(seg) {
			st.flows[d].zeroWin = seg.Window == 0
		}
		peer := &c.Sides[d.Peer()]
		if seg.Has(tcp.KnownAck|tcp.KnownFlags) && seg.Flags&tcp.ACK != 0 && peer.HasNxt && tcp.SeqLess(peer.Nxt, seg.Ack) {
			k |= ackBeyondNxt
		}
		if oversize(c, d, seg) {
			k |= isOversize
		}
		return on(k)
	},
}

// seq is what a check that reads the sequence analysis requires.
var seq = []*rules.Analysis{seqAnalysis}

// on is the SegmentKind of segments with any of the facts in k, for a
// check's SegmentOn.
func on(k seqClass) rules.SegmentKind { return rules.SegmentKind(k) * rules.AnalysisKind(0) }

// reorderWindow is how close to the highest segment a lower one must
// arrive to be reordered rather than resent: the configured window, else
// the handshake RTT, else 3 ms.
func (st *connState) reorderWindow(c *rules.Conn) time.Duration {
	if st.window > 0 {
		return st.window
	}
	if rtt := c.HandshakeRTT(); rtt > 0 {
		return rtt
	}
	return defaultReorderWindow
}

// classify establishes the facts about seg, in the order of Wireshark's
// tcp_analyze_sequence_number, then advances the sender's flow.
func (st *connState) classify(c *rules.Conn, d rules.Dir, seg *tcp.Segment) {
	v := &st.v
	*v = verdict{expired: v.expired[:0]}
	window := st.reorderWindow(c)
	st.expireHoles(seg.Time, window)
	if !seg.Has(tcp.KnownFlags) {
		st.flagless = true
		return // tcpdump -q: no flags, nothing to classify
	}
	f, r := &st.flows[d], &st.flows[d.Peer()]
	seqOK := seg.Has(tcp.KnownSeq)
	if seqOK && !f.hasBase {
		f.base, f.hasBase = seg.Seq-1, true
		if seg.Flags&tcp.SYN != 0 {
			f.base = seg.Seq
		}
	}
	if seg.Has(tcp.KnownAck) && seg.Flags&tcp.ACK != 0 && !r.hasBase {
		r.base, r.hasBase = seg.Ack-1, true
	}
	v.nxt, v.hasNxt, v.prevWin = f.nxt, f.hasNxt, f.win
	v.priorReset = c.ResetAccepted() // the tracker folds seg in after the checks
	if seqOK && f.hasNxt {
		v.since = tcp.Elapsed(f.nxtTime, seg.Time)
	}
	v.class = st.flowFacts(c, d, seg)
	if v.class&(isDupAck|isKeepAliveAck|isZeroWindowProbeAck) == isDupAck {
		f.dupAcks++
		v.dupNum = f.dupAcks
	}
	if seg.Has(tcp.KnownAck) && seg.Flags&tcp.ACK != 0 && (!f.hasAck || seg.Ack != f.lastAck) {
		f.dupAcks = 0
	}
	if seqOK {
		v.class |= st.resendFacts(c, d, seg, window)
		if v.class&anyRetransmission != 0 {
			st.extra().resend[d] = resendMark{seq: seg.Seq, end: seg.End(), pos: seg.Pos, time: seg.Time, has: true}
		}
	}
	if seqOK {
		f.foldAbove(seg)
	}
	if st.dsackedResend(int(d), seg) {
		v.class |= hasDSACK
	}
	f.advance(seg, v.class)
}

// flowFacts tests a segment for probes, keep-alives, gaps, window changes
// and duplicate ACKs.
func (st *connState) flowFacts(c *rules.Conn, d rules.Dir, seg *tcp.Segment) seqClass {
	f, r := &st.flows[d], &st.flows[d.Peer()]
	seqOK, winOK := seg.Has(tcp.KnownSeq), seg.Has(tcp.KnownWindow)
	fl, plen, seq := seg.Flags, seg.PayloadLen, seg.Seq
	ctl := fl&(tcp.SYN|tcp.FIN|tcp.RST) != 0
	if seqOK && r.hasWin && r.win == 0 && (plen == 1 && f.hasNxt && seq == f.nxt ||
		plen == 0 && !ctl && r.hasAck && seq == r.lastAck-1) {
		// A byte at nxt (RFC 9293 section 3.8.6.1), or Linux's empty
		// segment at snd.una - 1 (tcp_xmit_probe_skb), which the window
		// being closed tells from a keep-alive.
		return isZeroWindowProbe
	}
	var k seqClass
	if winOK && seg.Window == 0 && fl&tcp.RST == 0 {
		k |= isZeroWindow
	}
	if seqOK && f.hasNxt && tcp.SeqLess(f.nxt, seq) && fl&tcp.RST == 0 {
		k |= isGap
		st.addHole(d, f.nxt, seq, seg)
	}
	if seqOK && plen <= 1 && f.hasNxt && seq == f.nxt-1 && !ctl {
		k |= isKeepAlive
	}
	// tcpdump prints no seq for a pure ACK: take it to be at nxt.
	atNxt := !seqOK || (f.hasNxt && seq == f.nxt)
	pure := plen == 0 && !ctl && atNxt && seg.Has(tcp.KnownAck) && f.hasAck && seg.Ack == f.lastAck && winOK && f.hasWin
	if pure && seg.Window != 0 && seg.Window != f.win {
		k |= isWindowUpdate
	}
	if plen > 0 && !ctl && seqOK && st.fillsWindow(c, d, seg) {
		k |= isWindowFull
	}
	if pure && seg.Window == f.win {
		switch {
		case seg.Window != 0 && r.last&isKeepAlive != 0:
			k |= isKeepAliveAck
		case seg.Window == 0 && r.last&isZeroWindowProbe != 0:
			k |= isZeroWindowProbeAck
		case seg.Window != 0:
			k |= isDupAck
		}
	}
	return k
}

// fillsWindow reports whether a data segment reaches exactly the right
// edge of the window the peer last advertised. Like Wireshark, it needs the
// peer's SYN, to know its window scale.
func (st *connState) fillsWindow(c *rules.Conn, d rules.Dir, seg *tcp.Segment) bool {
	r := &st.flows[d.Peer()]
	ps := &c.Sides[d.Peer()]
	if ps.SYNs == 0 || !r.hasAck || !r.hasWin {
		return false
	}
	return seg.Seq+seg.PayloadLen == r.lastAck+ps.ScaledWindow(r.win, &c.Sides[d], false)
}

// resendFacts tells a segment that does not advance the sequence space
// apart: fast retransmission, out-of-order arrival, spurious or plain
// retransmission.
func (st *connState) resendFacts(c *rules.Conn, d rules.Dir, seg *tcp.Segment, window time.Duration) seqClass {
	f, r := &st.flows[d], &st.flows[d.Peer()]
	v := &st.v
	seq, plen := seg.Seq, seg.PayloadLen
	if (plen == 0 && seg.Flags&(tcp.SYN|tcp.FIN) == 0) || v.class&(isKeepAlive|isZeroWindowProbe) != 0 {
		return 0
	}
	if !f.hasNxt || !tcp.SeqLess(seq, f.nxt) || (plen > 1 && seq == f.nxt-1) {
		return 0
	}
	if st.lateOriginal(d, seg) {
		return isOutOfOrder
	}
	if r.dupAcks >= 2 && r.lastAck == seq && tcp.Elapsed(r.ackTime, seg.Time) < fastRetransmitWindow {
		st.resendFills(c, d, st.holeAt(d, seq, seg.End()), seq, seg.End())
		return isFastRetransmission
	}
	if v.since < window {
		if i := st.holeAt(d, seq, seg.End()); i >= 0 {
			v.filled, v.fill = true, st.fillOrder(c, d, seg, &f.holes[i], window)
			if !v.fill.sentAfter {
				st.fillHole(d, seq, seg.End())
				return isOutOfOrder
			}
			st.resendFills(c, d, i, seq, seg.End())
		} else {
			v.quickResend = f.nxt != seq+plen
		}
	} else if i := st.holeAt(d, seq, seg.End()); i >= 0 {
		// A hole held open past the window (heldOpen) that a segment
		// fills which its stamps do not show sent first: a resend.
		if e := st.stampOrder(d, seg, &f.holes[i]); e.kind != noEvidence {
			v.filled, v.fill = true, e
		}
		st.resendFills(c, d, i, seq, seg.End())
	}
	peer := &c.Sides[d.Peer()]
	if peer.HasAck && tcp.SeqLEQ(seg.End(), peer.MaxAck) {
		return isSpuriousRetransmission
	}
	if r.sackHolds(seq, seg.End()) {
		v.sacked = true
		return isSpuriousRetransmission
	}
	return isRetransmission
}

// advance folds the segment into the sender's flow. A zero-window probe
// does not advance nxt: its byte is sent again once the window opens. Nor
// does a RST, which occupies no sequence space and may be a forged one far
// outside the window.
func (f *flow) advance(seg *tcp.Segment, k seqClass) {
	if seg.Has(tcp.KnownSeq) && k&isZeroWindowProbe == 0 && seg.Flags&tcp.RST == 0 {
		if end := seg.End(); !f.hasNxt || tcp.SeqLess(f.nxt, end) {
			f.nxt, f.hasNxt, f.nxtTime = end, true, seg.Time
			if seg.PayloadLen > 0 && f.flights <= initialWindow {
				f.flights++
			}
		}
	}
	if seg.Has(tcp.KnownAck) && seg.Flags&tcp.ACK != 0 {
		f.lastAck, f.hasAck = seg.Ack, true
		if seg.Has(tcp.KnownOptions) {
			f.sack, f.nSACK = seg.Options.SACK, seg.Options.NumSACK
		}
	}
	f.ipid.observe(seg)
	f.ackTime = seg.Time
	if seg.Has(tcp.KnownWindow) {
		f.win, f.hasWin = seg.Window, true
	}
	f.last = k
}
