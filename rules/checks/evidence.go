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
// microseconds; the packets can. The sender stamps every segment with its
// clock (TSval, RFC 7323 section 3) and, on Linux and Windows, with a
// per-connection or per-host IPv4 ID counter: an older stamp than the
// hole's opener means sent before it, a newer one sent after it. Only when
// neither decides do the receiver's SACK blocks and duplicate ACKs (RFC
// 6675 section 5's IsLost: the sender itself would call the range lost)
// and finally the reorder window decide.

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
)

// evidence is the decision on a hole's fill and what it rests on: the
// fill's stamp and the opener's (TSval or IP ID), the SACKed bytes above
// the fill, the duplicate ACKs, or the time since the highest segment and
// the reorder window. It is formatted only when a finding is reported.
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

// stamps are what the segment that opened a hole carried to order it by.
type stamps struct {
	tsval   uint32
	ipid    uint16
	hasTS   bool
	hasIPID bool
}

// stampsOf takes a segment's TSval and IP ID.
func stampsOf(seg *tcp.Segment) stamps {
	s := stamps{ipid: seg.IPID, hasIPID: seg.Has(tcp.KnownIPID)}
	if seg.Has(tcp.KnownOptions) && seg.Options.Has&tcp.OptTimestamp != 0 {
		s.tsval, s.hasTS = seg.Options.TSVal, true
	}
	return s
}

// fillOrder decides whether seg, which fills hole h of direction d, was
// sent after the segment that opened the hole.
func (st *connState) fillOrder(c *rules.Conn, d rules.Dir, seg *tcp.Segment, h *hole, window time.Duration) evidence {
	f, r := &st.flows[d], &st.flows[d.Peer()]
	s := stampsOf(seg)
	if s.hasTS && h.opener.hasTS && s.tsval != h.opener.tsval {
		// RFC 7323 section 5.2: TSvals compare as serial numbers.
		return evidence{kind: byTimestamps, sentAfter: tcp.SeqLess(h.opener.tsval, s.tsval), fill: s.tsval, other: h.opener.tsval}
	}
	if s.hasIPID && h.opener.hasIPID && s.ipid != h.opener.ipid && f.ipid.trusted() {
		return evidence{kind: byIPID, sentAfter: s.ipid-h.opener.ipid < 0x8000, fill: uint32(s.ipid), other: uint32(h.opener.ipid)}
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
// TSval 7 > 5 of the segment that opened the hole".
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
	}
	return rules.Say(evidenceNoneText)
}

// The words of evidence, part of the messages of retransmission and
// out-of-order.
var (
	evidenceTimestampsText = &rules.Texts{Key: "evidence.timestamps",
		En: "timestamps: TSval %[1]d %[2]s %[3]d of the segment that opened the hole",
		Zh: "时间戳：本报文段的 TSval %[1]d %[2]s 造成空缺的报文段的 %[3]d"}
	evidenceIPIDText = &rules.Texts{Key: "evidence.ipid",
		En: "IP ID: %[1]d %[2]s %[3]d of the segment that opened the hole",
		Zh: "IP ID：本报文段的 %[1]d %[2]s 造成空缺的报文段的 %[3]d"}
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
	evidenceNoneText = &rules.Texts{Key: "evidence.none", En: "no evidence", Zh: "没有证据"}

	evidenceTexts = []*rules.Texts{evidenceTimestampsText, evidenceIPIDText, evidenceSACKText,
		evidenceDupAcksText, evidenceAfterText, evidenceWithinText, evidenceNoneText}
)
