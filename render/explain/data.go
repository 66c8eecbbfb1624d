package explain

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// data explains the payload: its byte range in relative and absolute
// numbers, and whether it is new, a retransmission, or after a gap.
func (r *reading) data() {
	seg := r.seg
	if r.isKeepAlive() {
		if r.probesZeroWindow() {
			r.say(kZeroWindowProbe, role(r.snd), role(r.rcv))
		} else {
			r.say(kKeepAlive, role(r.snd), role(r.rcv))
		}
		return
	}
	if seg.PayloadLen == 0 {
		return
	}
	first := seg.Seq
	if seg.Flags.Has(tcp.SYN) {
		first++ // the SYN takes the first sequence number
	}
	last := first + seg.PayloadLen - 1
	r.sequencing(first, last)
	if rf, ok := rel(r.b, first); ok {
		r.say(kData, role(r.snd), seg.PayloadLen, rf, rf+seg.PayloadLen-1, first, last)
	} else {
		r.say(kDataAbs, role(r.snd), seg.PayloadLen, first, last)
	}
	if seg.Flags.Has(tcp.PSH) {
		r.say(kPush)
	}
	if n := inFlight(r.a, r.pa); n > 0 && r.st.Original == nil {
		r.say(kInFlight, n, role(r.snd))
	}
}

// sequencing says how the bytes [first, last] relate to what the sender
// sent before: a retransmission, an earlier hole filled, or a gap.
func (r *reading) sequencing(first, last uint32) {
	if o := r.st.Original; o != nil {
		r.say(kRetransmission, role(r.snd), posRef(o.Pos), r.since(o.Time))
		if r.pb.HasAck && tcp.SeqLess(last, r.pb.MaxAck) {
			r.say(kSpurious, role(r.rcv))
		}
		return
	}
	if !r.b.HasNxt {
		return
	}
	nxt := r.b.Nxt
	switch {
	case tcp.SeqLess(first, nxt):
		if rn, ok := rel(r.b, nxt); ok {
			r.say(kBehind, role(r.snd), rn-1)
		} else {
			r.say(kBehindAbs, role(r.snd), nxt-1)
		}
	case tcp.SeqLess(nxt, first):
		if rn, ok := rel(r.b, nxt); ok {
			r.say(kGap, rn, rn+(first-nxt)-1, first-nxt)
		} else {
			r.say(kGapAbs, nxt, first-1, first-nxt)
		}
	}
}

// ack explains an acknowledgement that is not part of the handshake:
// which earlier segments it covers and what is still in flight, or why
// it repeats the previous one.
func (r *reading) ack() {
	seg := r.seg
	if !seg.Flags.Has(tcp.ACK) || !seg.Has(tcp.KnownAck) {
		return
	}
	if r.b.HasAck && !tcp.SeqLess(r.b.MaxAck, seg.Ack) {
		r.repeatedAck()
		return
	}
	upTo := seg.Ack
	if r.pb.HasFIN && tcp.SeqLess(r.pb.FIN, upTo) {
		upTo = r.pb.FIN // the FIN's number is explained by finAcked
	}
	if r.b.HasAck && !tcp.SeqLess(r.b.MaxAck, upTo) {
		return
	}
	if ra, ok := rel(r.pb, seg.Ack); ok {
		r.say(kAckData, role(r.snd), role(r.rcv), ra-(seg.Ack-upTo)-1, ra, seg.Ack)
	} else {
		r.say(kAckDataAbs, role(r.snd), role(r.rcv), seg.Ack)
	}
	r.covers()
	if n := inFlight(r.pa, r.a); n > 0 {
		r.say(kStillInFlight, n, role(r.rcv))
	} else if len(r.st.Acked) > 0 {
		r.say(kNoneInFlight, role(r.rcv))
	}
}

// covers names the data segments an ACK acknowledges, and how long ago
// the newest of them was sent: a round-trip time sample.
func (r *reading) covers() {
	acked := r.st.Acked
	if len(acked) == 0 {
		return
	}
	newest := acked[len(acked)-1]
	ago := r.since(newest.Time)
	if len(acked) == 1 {
		r.say(kCoversOne, posRef(newest.Pos), newest.Len(), ago)
		return
	}
	var refs List
	var total uint32
	for _, s := range acked {
		refs = append(refs, posRef(s.Pos))
		total += s.Len()
	}
	r.say(kCoversMany, refs, total, ago)
}

// repeatedAck explains an ACK that acknowledges nothing new: a duplicate
// ACK when the peer has data in flight and nothing else changed, or a
// plain repetition alongside data or a window change.
func (r *reading) repeatedAck() {
	seg := r.seg
	pure := seg.PayloadLen == 0 && !seg.Flags.Any(tcp.FIN|tcp.SYN|tcp.RST)
	if !pure {
		return
	}
	waiting := inFlight(r.pb, r.b)
	if waiting > 0 && seg.Window == r.b.RawWin {
		ra, ok := rel(r.pb, seg.Ack)
		if !ok {
			ra = seg.Ack
		}
		r.say(kDupAck, role(r.snd), ra, waiting, role(r.rcv))
	}
}

// window explains the advertised window when it is news: the first
// scaled window of a side (showing the factor from the handshake), a
// change, or a zero window.
func (r *reading) window() {
	seg := r.seg
	if !seg.Has(tcp.KnownWindow) || seg.Flags.Any(tcp.SYN|tcp.RST) {
		return
	}
	scaled, raw := r.a.Win, seg.Window
	firstAfterSYN := r.b.SYNs > 0 && r.b.Packets == int64(r.b.SYNs)
	changed := r.b.HasWin && scaled != r.b.Win
	scale := r.b.WScale >= 0 && r.pb.WScale >= 0
	switch {
	case scaled == 0:
		r.say(kZeroWindow, role(r.snd), role(r.rcv))
	case scale && firstAfterSYN:
		r.say(kWindowScaled, raw, 1<<r.b.WScale, scaled, r.b.WScale)
	case scale && changed:
		r.say(kWindowScaledWas, raw, 1<<r.b.WScale, scaled, r.b.WScale, r.b.Win)
	case !r.b.HasWin && r.st.Before.Midstream:
		r.say(kWindowUnknownScale, raw)
	case changed:
		r.say(kWindowWas, scaled, r.b.Win)
	}
}

// isKeepAlive reports whether the segment is a TCP keep-alive: no SYN,
// FIN or RST, at most one byte, sent at one before the sender's next
// sequence number, so that the peer answers with an ACK (RFC 9293
// section 3.8.4).
func (r *reading) isKeepAlive() bool {
	seg := r.seg
	return seg.Has(tcp.KnownSeq|tcp.KnownFlags) && r.b.HasNxt && seg.PayloadLen <= 1 &&
		!seg.Flags.Any(tcp.SYN|tcp.FIN|tcp.RST) && seg.Seq == r.b.Nxt-1
}

// probesZeroWindow reports whether a keep-alive-shaped segment is Linux's
// zero-window probe instead: empty, one below the peer's ack, while the
// peer's latest window is 0.
func (r *reading) probesZeroWindow() bool {
	return r.seg.PayloadLen == 0 && r.pb.HasWin && r.pb.RawWin == 0 && r.pb.HasAck && r.seg.Seq == r.pb.MaxAck-1
}
