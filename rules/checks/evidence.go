package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// A segment that fills a hole was either sent before the segment that
// opened the hole (the network reordered them: out-of-order) or after it
// (the sender resent what was lost: a retransmission). Timing cannot tell
// the two apart on a fast path, where a fast retransmission follows within
// microseconds, nor behind a queue that holds a segment back for longer
// than the reorder window; the packets can. The sender stamps every
// segment with its clock (TSval, RFC 7323 section 3) and, on Linux and
// Windows, with a per-connection or per-host IPv4 ID counter. A sender
// sends new bytes in order, so an original is older than every segment
// above it; a retransmission is newer than the segment that carried the
// sender's highest bytes when it was resent. So a stamp older than the
// oldest captured above the hole means sent before them (whenever it
// arrives: a hole reported as a gap is remembered for this), a newer one
// sent after one of them. Only when neither decides do the receiver's SACK
// blocks and duplicate ACKs (RFC 6675 section 5's IsLost: the sender
// itself would call the range lost) and finally the reorder window decide.

// evidenceKind names what decided whether a hole's fill was sent before or
// after the segment that opened the hole.
type evidenceKind uint8

// Evidence, strongest first.
const (
	noEvidence evidenceKind = iota
	byTimestamps
	byIPID
	bySACK
	byDupAcks
	byTiming
	byNoTime // none of the above, and the input gave no time (tcpdump -t)
)

// evidence is the decision on a hole's fill and what it rests on: the
// fill's stamp and the oldest above the hole (TSval or IP ID), the SACKed
// bytes above the fill, the duplicate ACKs, or the time since the highest
// segment and the reorder window. It is formatted only when a finding is
// reported.
type evidence struct {
	kind        evidenceKind
	sentAfter   bool
	fill, other uint32
	since, win  time.Duration
}

// ipidRunTrusted is how many segments in a row must raise their sender's
// IP ID by a little (1 to maxIPIDStep) before the IP ID is taken as a send
// order: a stack that draws it at random (OpenBSD, Linux for some
// datagrams) does that eight times in a row with odds below 1 in 10^14.
const (
	ipidRunTrusted = 8
	maxIPIDStep    = 1024
)

// ipidOrder follows whether a direction's IPv4 IDs count up per packet.
type ipidOrder struct {
	high uint16 // the highest IP ID seen (serial order, 16 bits)
	run  uint8  // consecutive small rises of high, saturating
	has  bool
}

// observe folds in one segment's IP ID. A lower or equal ID (a reordered
// or duplicated packet) leaves the run as it is; a jump ends it.
func (o *ipidOrder) observe(seg *tcp.Segment) {
	if !seg.Has(tcp.KnownIPID) {
		return
	}
	if !o.has {
		o.high, o.has = seg.IPID, true
		return
	}
	step := seg.IPID - o.high
	switch {
	case step == 0 || step > 0x8000 && -step <= maxIPIDStep:
		// a duplicate, or an ID from before the highest
	case step <= maxIPIDStep:
		o.high = seg.IPID
		if o.run < 255 {
			o.run++
		}
	default:
		o.high, o.run = seg.IPID, 0
	}
}

// trusted reports whether the IP IDs counted up long enough to order
// segments by.
func (o *ipidOrder) trusted() bool { return o.has && o.run >= ipidRunTrusted }

// stamps are what a segment carries to order it by, or the oldest of
// several segments' (fold).
type stamps struct {
	tsval   uint32
	ipid    uint16
	hasTS   bool
	hasIPID bool
}

// fold keeps the older of each stamp, in serial order (RFC 7323 section
// 5.2 for TSvals, 16 bits for IP IDs).
func (a *stamps) fold(s stamps) {
	if s.hasTS && (!a.hasTS || tcp.SeqLess(s.tsval, a.tsval)) {
		a.tsval, a.hasTS = s.tsval, true
	}
	if s.hasIPID && (!a.hasIPID || s.ipid-a.ipid > 0x8000) {
		a.ipid, a.hasIPID = s.ipid, true
	}
}

// stampsOf takes a segment's TSval and IP ID.
func stampsOf(seg *tcp.Segment) stamps {
	s := stamps{ipid: seg.IPID, hasIPID: seg.Has(tcp.KnownIPID)}
	if seg.Has(tcp.KnownOptions) && seg.Options.Has&tcp.OptTimestamp != 0 {
		s.tsval, s.hasTS = seg.Options.TSVal, true
	}
	return s
}

// lateOriginal reports whether seg, below its sender's nxt, is the
// original of bytes a hole of direction d still lacks, open or closed, as
// its TSval or IP ID shows, older than those of every segment captured
// above the hole: the network delayed it behind later segments, however
// long (out-of-order, RFC 9293 section 3.10.7.4), and duplicate ACKs of
// its seq do not make it a fast retransmission. It fills the hole and
// records the evidence in the verdict.
func (st *connState) lateOriginal(d rules.Dir, seg *tcp.Segment) bool {
	i := st.lateHoleAt(d, seg.Seq, seg.End())
	if i < 0 {
		return false
	}
	e := st.stampOrder(d, seg, &st.flows[d].holes[i])
	if e.kind == noEvidence || e.sentAfter {
		return false
	}
	st.v.filled, st.v.fill = true, e
	st.fillHole(d, seg.Seq, seg.End())
	return true
}

// stampOrder decides by their stamps alone whether seg was sent after a
// segment captured above hole h of direction d (h.above): by TSval, else
// by IP ID when its sender's count up; noEvidence when neither decides.
func (st *connState) stampOrder(d rules.Dir, seg *tcp.Segment, h *hole) evidence {
	s, a := stampsOf(seg), h.above
	if s.hasTS && a.hasTS && s.tsval != a.tsval {
		// RFC 7323 section 5.2: TSvals compare as serial numbers.
		return evidence{kind: byTimestamps, sentAfter: tcp.SeqLess(a.tsval, s.tsval), fill: s.tsval, other: a.tsval}
	}
	if s.hasIPID && a.hasIPID && s.ipid != a.ipid && st.flows[d].ipid.trusted() {
		return evidence{kind: byIPID, sentAfter: s.ipid-a.ipid < 0x8000, fill: uint32(s.ipid), other: uint32(a.ipid)}
	}
	return evidence{}
}

// fillOrder decides whether seg, which fills hole h of direction d, was
// sent after the segment that opened the hole.
func (st *connState) fillOrder(c *rules.Conn, d rules.Dir, seg *tcp.Segment, h *hole, window time.Duration) evidence {
	r := &st.flows[d.Peer()]
	if e := st.stampOrder(d, seg, h); e.kind != noEvidence {
		return e
	}
	if r.hasAck && tcp.SeqLEQ(r.lastAck, seg.Seq) {
		// RFC 6675 section 5, IsLost: more than (DupThresh - 1) * SMSS
		// bytes above the range SACKed; the fill's length stands for SMSS,
		// or the receiver's MSS when the fill is longer (offload).
		smss := seg.PayloadLen
		if oversize(c, d, seg) {
			smss = uint32(c.Sides[d.Peer()].MSS)
		}
		if above := r.sackedAbove(seg.End()); above > 2*smss {
			return evidence{kind: bySACK, sentAfter: true, fill: above, other: smss}
		}
		if r.dupAcks >= 3 {
			return evidence{kind: byDupAcks, sentAfter: true, fill: uint32(r.dupAcks)}
		}
	}
	if !seg.Has(tcp.KnownTime) {
		// Every time is zero: a fill seems to come at once, and is taken
		// as reordered, as a fill within the window is; the message says
		// that nothing measured it.
		return evidence{kind: byNoTime}
	}
	return evidence{kind: byTiming, sentAfter: st.v.since >= window, since: st.v.since, win: window}
}

// sackedAbove is how many bytes past end the direction's latest ACK
// SACKed.
func (f *flow) sackedAbove(end uint32) uint32 {
	var n uint32
	for _, b := range f.sack[:f.nSACK] {
		if !tcp.SeqLess(end, b.Right) || !tcp.SeqLess(b.Left, b.Right) {
			continue
		}
		n += b.Right - tcp.SeqMax(b.Left, end)
	}
	return n
}

// In says what decided and how, for a finding's message: "timestamps:
// TSval 7 > 5 of the oldest segment above the hole".
func (e evidence) In(l rules.Lang) string { return e.text().In(l) }

func (e evidence) text() rules.Text {
	rel := "<"
	if e.sentAfter {
		rel = ">"
	}
	switch e.kind {
	case byTimestamps:
		return rules.Say(evidenceTimestampsText, e.fill, rel, e.other)
	case byIPID:
		return rules.Say(evidenceIPIDText, e.fill, rel, e.other)
	case bySACK:
		return rules.Say(evidenceSACKText, e.fill, e.other)
	case byDupAcks:
		return rules.Say(evidenceDupAcksText, e.fill)
	case byTiming:
		if e.sentAfter {
			return rules.Say(evidenceAfterText, dur(e.since), dur(e.win))
		}
		return rules.Say(evidenceWithinText, dur(e.since), dur(e.win))
	case byNoTime:
		return rules.Say(evidenceNoTimeText)
	}
	return rules.Say(evidenceNoneText)
}

// The words of evidence, part of the messages of retransmission and
// out-of-order.
var (
	evidenceTimestampsText = &rules.Texts{Key: "evidence.timestamps",
		En: "timestamps: TSval %[1]d %[2]s %[3]d of the oldest segment above the hole",
		Zh: "时间戳：本报文段的 TSval %[1]d %[2]s 空缺之上最早的报文段的 %[3]d"}
	evidenceIPIDText = &rules.Texts{Key: "evidence.ipid",
		En: "IP ID: %[1]d %[2]s %[3]d of the oldest segment above the hole",
		Zh: "IP ID：本报文段的 %[1]d %[2]s 空缺之上最早的报文段的 %[3]d"}
	evidenceSACKText = &rules.Texts{Key: "evidence.sack",
		En: "SACK: the receiver had SACKed %[1]d bytes above it, more than 2 segments of %[2]d",
		Zh: "SACK：接收方已 SACK 了它之上的 %[1]d 字节，超过 2 个 %[2]d 字节的报文段"}
	evidenceDupAcksText = &rules.Texts{Key: "evidence.dup-acks",
		En: "dup ACKs: the receiver had sent %[1]d duplicate ACKs",
		Zh: "重复确认：接收方已发出 %[1]d 个重复确认"}
	evidenceAfterText = &rules.Texts{Key: "evidence.timing-after",
		En: "timing: %[1]s after the highest segment, beyond the reorder window %[2]s",
		Zh: "时间：比最高的报文段晚 %[1]s，超出了乱序窗口 %[2]s"}
	evidenceWithinText = &rules.Texts{Key: "evidence.timing-within",
		En: "timing: %[1]s after the highest segment, within the reorder window %[2]s",
		Zh: "时间：比最高的报文段晚 %[1]s，仍在乱序窗口 %[2]s 之内"}
	evidenceNoTimeText = &rules.Texts{Key: "evidence.no-time",
		En: "no time in the input (tcpdump -t), nor TSval, IP ID or SACK to tell: taken as reordered",
		Zh: "输入没有时间（tcpdump -t），也没有 TSval、IP ID 或 SACK 可判断：按乱序处理"}
	evidenceNoneText = &rules.Texts{Key: "evidence.none", En: "no evidence", Zh: "没有证据"}

	evidenceTexts = []*rules.Texts{evidenceNoTimeText, evidenceTimestampsText, evidenceIPIDText, evidenceSACKText,
		evidenceDupAcksText, evidenceAfterText, evidenceWithinText, evidenceNoneText}
)
