package explain

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// syn explains a SYN: the first step of the handshake, or its
// retransmission.
func (r *reading) syn() {
	c, seg := r.st.Before, r.seg
	if r.snd == rules.FromClient && r.b.SYNs > 0 && r.b.HasISN && seg.Seq == r.b.ISN {
		r.say(kSYNAgain, seg.Seq, r.since(c.SYNTime))
		return
	}
	if r.snd == rules.FromServer {
		r.say(kSYNFromServer, c.Server.String())
	} else {
		r.say(kSYN, c.Client.String(), c.Server.String(), seg.Seq)
	}
	r.offers()
	if seg.Has(tcp.KnownWindow) {
		r.say(kSYNWindow, seg.Window)
	}
}

// synAck explains the server's SYN-ACK: it acknowledges j + 1 and brings
// its own initial sequence number k.
func (r *reading) synAck() {
	c, seg := r.st.Before, r.seg
	if r.snd == rules.FromServer && r.b.SYNs > 0 && r.b.HasISN && seg.Seq == r.b.ISN {
		r.say(kSYNACKAgain, seg.Seq, r.since(c.SYNACKTime))
		return
	}
	client := &c.Sides[rules.FromClient]
	switch {
	case !seg.Has(tcp.KnownAck):
		r.say(kSYNACKNoAck, c.Server.String(), seg.Seq)
	case client.HasISN:
		r.say(kSYNACK, c.Server.String(), arith("j + 1", client.ISN+1, seg.Ack), seg.Seq)
	default:
		r.say(kSYNACKNoSYN, c.Server.String(), c.Client.String(), seg.Ack, seg.Seq)
	}
	switch {
	case !c.SYNSeen(), !seg.Has(tcp.KnownTime):
	case client.SYNs > 1: // the last segment before it is the last SYN
		r.say(kSinceSYNs, r.since(c.SYNTime), r.since(c.End))
	default:
		r.say(kSinceSYN, r.since(c.SYNTime))
	}
	r.offers()
	r.scaling()
}

// offers lists the options of a SYN or SYN-ACK: what the sender proposes
// for the connection.
func (r *reading) offers() {
	o := &r.seg.Options
	if !r.seg.Has(tcp.KnownOptions) {
		return
	}
	var items List
	if o.Has&tcp.OptMSS != 0 {
		items = append(items, M(kOptMSS, o.MSS))
	}
	if o.Has&tcp.OptSACKPermitted != 0 {
		items = append(items, M(kOptSACK))
	}
	if o.Has&tcp.OptTimestamp != 0 {
		items = append(items, M(kOptTS))
	}
	if o.Has&tcp.OptWScale != 0 {
		items = append(items, M(kOptWScale, o.WScale, uint32(1)<<min(o.WScale, 14)))
	}
	if o.Has&tcp.OptTFO != 0 {
		items = append(items, M(kOptTFO))
	}
	if len(items) == 0 {
		r.say(kOffersNone)
		return
	}
	r.say(kOffers, items)
}

// scaling says, once both SYNs are in, whether windows are scaled from
// now on (RFC 7323 section 2.2: only when both sides sent the option).
func (r *reading) scaling() {
	cs, ss := r.st.After.Sides[rules.FromClient].WScale, r.st.After.Sides[rules.FromServer].WScale
	switch {
	case cs >= 0 && ss >= 0:
		r.say(kScaleOn, 1<<cs, 1<<ss)
	case cs >= 0:
		r.say(kScaleOff, role(rules.FromServer))
	case ss >= 0:
		r.say(kScaleOff, role(rules.FromClient))
	}
}

// handshakeAck explains the third step: the client acknowledges k + 1.
// tcpdump prints this ack relative to k, so "ack 1" is right.
func (r *reading) handshakeAck() {
	c, seg := r.st.Before, r.seg
	server := &c.Sides[rules.FromServer]
	if !server.HasISN {
		r.say(kHandshakeAckNoISN, seg.Ack)
		return
	}
	check := arith("k + 1", server.ISN+1, seg.Ack)
	if seg.Ack != server.ISN+1 {
		r.say(kHandshakeAckBad, seg.Ack-server.ISN, check)
		return
	}
	r.say(kHandshakeAck, seg.Ack-server.ISN, check, r.since(c.SYNTime))
}
