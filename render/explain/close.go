package explain

import (
	"strconv"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// closeStep numbers the segments of a four-way close: 1 the first FIN,
// 2 its ACK, 3 the second FIN, 4 its ACK.
type closeStep uint8

const (
	noClose       closeStep = iota
	closeFirst              // 1/4
	closeAckOne             // 2/4
	closeSecond             // 3/4
	closeAckTwo             // 4/4
	closeCombine            // 2/4 and 3/4 in one segment
	closeCross              // a second FIN sent before the first was acknowledged
	closeCrossAck           // in a simultaneous close, an ACK of a FIN while the sender's own is unacknowledged
)

// closing works out which step of the close the segment is, from the
// FINs sent and acknowledged before it.
func (r *reading) closing() closeStep {
	fin := r.seg.Flags.Has(tcp.FIN) && !r.b.HasFIN
	acks := r.acksPeerFIN()
	ackedBefore := r.pb.HasFIN && r.b.HasAck && tcp.SeqLess(r.pb.FIN, r.b.MaxAck)
	switch {
	case fin && !r.pb.HasFIN:
		return closeFirst
	case fin && acks:
		return closeCombine
	case fin && ackedBefore:
		return closeSecond
	case fin:
		return closeCross
	case acks && r.b.HasFIN && r.pb.HasAck && tcp.SeqLess(r.b.FIN, r.pb.MaxAck):
		return closeAckTwo
	case acks && r.b.HasFIN:
		return closeCrossAck
	case acks:
		return closeAckOne
	}
	return noClose
}

// acksPeerFIN reports whether the segment is the first to acknowledge the
// peer's FIN.
func (r *reading) acksPeerFIN() bool {
	seg := r.seg
	return r.pb.HasFIN && seg.Flags.Has(tcp.ACK) && seg.Has(tcp.KnownAck) &&
		tcp.SeqLess(r.pb.FIN, seg.Ack) && (!r.b.HasAck || tcp.SeqLEQ(r.b.MaxAck, r.pb.FIN))
}

// closeHeadline names the step of the close, before the details.
func (r *reading) closeHeadline() {
	switch s := r.closing(); s {
	case closeFirst, closeAckOne, closeSecond, closeAckTwo:
		r.say(kCloseStep, int(s-closeFirst)+1)
	case closeCombine:
		r.say(kCloseCombined)
	case closeCross, closeCrossAck:
		r.say(kCloseCross)
	}
}

// finAcked explains an ACK of the peer's FIN, which counts one sequence
// number, and what is left open after it.
func (r *reading) finAcked() {
	if !r.acksPeerFIN() {
		return
	}
	fin, ack := r.pb.FIN, r.seg.Ack
	if rf, ok := rel(r.pb, fin); ok {
		label := strconv.FormatUint(uint64(rf), 10) + " + 1"
		r.say(kFINAcked, role(r.snd), role(r.rcv), arith(label, rf+1, ack-r.pb.ISN))
	} else {
		label := strconv.FormatUint(uint64(fin), 10) + " + 1"
		r.say(kFINAcked, role(r.snd), role(r.rcv), arith(label, fin+1, ack))
	}
	switch r.closing() {
	case closeAckOne:
		r.say(kHalfClose, role(r.rcv), role(r.snd))
	case closeAckTwo:
		r.say(kBothClosed)
		r.lingering()
	}
}

// fin explains a FIN: the sender has no more data to send.
func (r *reading) fin() {
	seg := r.seg
	if !seg.Has(tcp.KnownFlags) || !seg.Flags.Has(tcp.FIN) {
		return
	}
	at := seg.Seq + seg.PayloadLen
	if r.b.HasFIN {
		r.say(kFINAgain, role(r.snd))
		return
	}
	if rf, ok := rel(r.b, at); ok {
		r.say(kFIN, role(r.snd), rf, at)
	} else {
		r.say(kFINAbs, role(r.snd), at)
	}
	switch r.closing() {
	case closeFirst:
		r.say(kActiveClose, role(r.snd), role(r.rcv))
	case closeCross:
		r.say(kSimultaneous)
	}
	if r.pa.State == rules.TimeWait && (r.pb.State == rules.FinWait1 || r.pb.State == rules.FinWait2) {
		r.say(kEntersTimeWait, role(r.rcv))
	}
}

// lingering says which end waits in TIME_WAIT once both FINs are
// acknowledged.
func (r *reading) lingering() {
	cs, ss := r.st.After.Sides[rules.FromClient].State, r.st.After.Sides[rules.FromServer].State
	switch {
	case cs == rules.TimeWait && ss == rules.TimeWait:
		r.say(kBothTimeWait)
	case cs == rules.TimeWait:
		r.say(kTimeWait, role(rules.FromClient), role(rules.FromServer))
	case ss == rules.TimeWait:
		r.say(kTimeWait, role(rules.FromServer), role(rules.FromClient))
	}
}

// reset explains a RST by what came before it: a refused connection, an
// abort of an open one, or a reset after both sides had closed.
func (r *reading) reset() {
	c, seg := r.st.Before, r.seg
	client := &c.Sides[rules.FromClient]
	switch {
	case r.snd == rules.FromServer && !c.SYNACKSeen() && client.SYNs > 0:
		r.say(kRefused, c.Server.String(), c.Server.Port)
		if seg.Flags.Has(tcp.ACK) && seg.Has(tcp.KnownAck) && client.HasISN {
			r.say(kRSTAcks, arith("j + 1", client.ISN+1, seg.Ack))
		}
	case r.b.HasFIN && r.pb.HasFIN:
		r.say(kRSTAfterClose, role(r.snd))
	default:
		r.say(kAbort, role(r.snd), role(r.rcv))
		if !c.Established() && !c.Midstream {
			r.say(kAbortHandshake)
		}
		cf := inFlight(client, &c.Sides[rules.FromServer])
		sf := inFlight(&c.Sides[rules.FromServer], client)
		if cf > 0 || sf > 0 {
			r.say(kUnacked, cf, sf)
		}
	}
}
