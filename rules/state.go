package rules

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// State is an RFC 9293 connection state (section 3.3.2), as inferred for one
// endpoint from the segments in a capture.
type State uint8

// RFC 9293 states.
const (
	Closed State = iota
	Listen
	SynSent
	SynReceived
	Established
	FinWait1
	FinWait2
	CloseWait
	Closing
	LastAck
	TimeWait
)

var stateNames = [...]string{"CLOSED", "LISTEN", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED",
	"FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT", "CLOSING", "LAST_ACK", "TIME_WAIT"}

// String is the state's name as RFC 9293 writes it, with underscores.
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "UNKNOWN"
}

// Transition is a state change of one endpoint, caused by the segment at Pos.
type Transition struct {
	Time     time.Time
	Pos      tcp.Pos
	Endpoint Dir // FromClient: the client's state changed
	From, To State
}

// InitialState is the state of the endpoint on side d before the
// connection's first segment: where its first transition started, or its
// state now when it never changed. Without Transitions (Tracker's
// NoTransitions) it is the state now.
func (c *Conn) InitialState(d Dir) State {
	for _, t := range c.Transitions {
		if t.Endpoint == d {
			return t.From
		}
	}
	return c.Sides[d].State
}

// StatePath is the sequence of states the endpoint on side d went through,
// its initial state first.
func (c *Conn) StatePath(d Dir) []State {
	path := []State{c.InitialState(d)}
	for _, t := range c.Transitions {
		if t.Endpoint == d {
			path = append(path, t.To)
		}
	}
	return path
}

// Conn.Transitions starts with room for firstTransitions, what a SYN
// never answered takes (the client's CLOSED to SYN_SENT, the server's
// CLOSED to LISTEN), and grows to transitionsCap at the next: a
// connection's life from SYN to close takes about ten steps, and a SYN
// flood fills the table with connections that never take a third.
const (
	firstTransitions = 2
	transitionsCap   = 10
)

// setState records a state change of the endpoint on side d.
func (c *Conn) setState(d Dir, to State, seg *tcp.Segment) {
	s := &c.Sides[d]
	if s.State == to {
		return
	}
	c.prevState[d], c.hasPrev[d] = s.State, true
	s.State = to
	if c.noTransitions {
		return
	}
	switch n := len(c.Transitions); {
	case c.Transitions == nil:
		c.Transitions = make([]Transition, 0, firstTransitions)
	case n == cap(c.Transitions) && n < transitionsCap:
		c.Transitions = append(make([]Transition, 0, transitionsCap), c.Transitions...)
	}
	c.Transitions = append(c.Transitions, Transition{Time: seg.Time, Pos: seg.Pos, Endpoint: d, From: c.prevState[d], To: to})
}

// advanceStates applies RFC 9293's event processing to both endpoints for a
// segment sent in direction d. A capture sees the segment once, so the
// sender's change and the receiver's are recorded at the same segment.
func (c *Conn) advanceStates(d Dir, seg *tcp.Segment) {
	snd, rcv := d, d.Peer()
	f := seg.Flags
	if !seg.Has(tcp.KnownFlags) {
		return
	}
	if f&tcp.RST != 0 {
		c.rstEvent(snd, rcv, seg)
		return
	}
	switch {
	case f&tcp.SYN != 0 && f&tcp.ACK == 0:
		if c.Sides[snd].State == Closed || c.Sides[snd].State == Listen {
			c.setState(snd, SynSent, seg)
		}
		// A listening end changes state only when its reply is seen: the
		// SYN may have been lost, or answered by a RST from a port where
		// nothing listens. Only an end that sent its own SYN (simultaneous
		// open, RFC 9293 section 3.5) is known to be in SYN_RECEIVED now.
		if c.Sides[rcv].State == SynSent {
			c.setState(rcv, SynReceived, seg)
		}
	case f&tcp.SYN != 0: // SYN-ACK
		if c.Sides[snd].State == Listen || c.Sides[snd].State == Closed {
			c.setState(snd, SynReceived, seg)
		}
		if c.Sides[rcv].State == SynSent || c.Sides[rcv].State == SynReceived {
			c.setState(rcv, Established, seg)
		}
	}
	if f&tcp.ACK != 0 && f&tcp.SYN == 0 {
		c.ackEvent(snd, rcv, seg)
	}
	if f&tcp.FIN != 0 {
		c.finEvent(snd, rcv, seg)
	}
}

// rstEvent handles a RST sent in direction snd. An end still thought to
// listen that answers with RST had no listener at all: RFC 9293 section
// 3.10.7.1 has a CLOSED port reset every segment, and a LISTEN one answer
// a SYN with a SYN-ACK. It was CLOSED from the start, so its state is
// corrected without a transition, and nothing changes on either side.
// Otherwise the sender closes, and so does a receiver that was connected.
func (c *Conn) rstEvent(snd, rcv Dir, seg *tcp.Segment) {
	if c.Sides[snd].State == Listen {
		c.Sides[snd].State = Closed
		c.setState(rcv, Closed, seg)
		return
	}
	c.setState(snd, Closed, seg)
	if c.Sides[rcv].State != Listen {
		c.setState(rcv, Closed, seg)
	}
}

// ackEvent handles what an acknowledgement does to both ends: it completes
// the sender's handshake, and it acknowledges the receiver's SYN or FIN.
func (c *Conn) ackEvent(snd, rcv Dir, seg *tcp.Segment) {
	// A listening end that acknowledges has answered a SYN whose SYN-ACK
	// the capture missed; one that is acknowledged (by the client, which
	// sent a SYN) had answered too.
	switch c.Sides[snd].State {
	case SynReceived, SynSent, Listen:
		c.setState(snd, Established, seg)
	}
	r := &c.Sides[rcv]
	acksFIN := r.HasFIN && seg.Has(tcp.KnownAck) && tcp.SeqLess(r.FIN, seg.Ack)
	switch r.State {
	case SynReceived, Listen:
		c.setState(rcv, Established, seg)
	case FinWait1:
		if acksFIN {
			c.setState(rcv, FinWait2, seg)
		}
	case Closing:
		if acksFIN {
			c.setState(rcv, TimeWait, seg)
		}
	case LastAck:
		if acksFIN {
			c.setState(rcv, Closed, seg)
		}
	}
}

// finEvent handles a FIN sent in direction snd (RFC 9293 section 3.10.7.4,
// eighth step).
func (c *Conn) finEvent(snd, rcv Dir, seg *tcp.Segment) {
	switch c.Sides[snd].State {
	case Established, SynReceived, SynSent, Closed, Listen:
		c.setState(snd, FinWait1, seg)
	case CloseWait:
		// A FIN that does not acknowledge the peer's FIN was sent before
		// that FIN arrived: a simultaneous close (RFC 9293 section 3.6),
		// in which both ends pass through CLOSING.
		peer := &c.Sides[rcv]
		if peer.HasFIN && seg.Has(tcp.KnownAck) && seg.Flags&tcp.ACK != 0 && !tcp.SeqLess(peer.FIN, seg.Ack) {
			c.undoCloseWait(snd)
			c.setState(snd, FinWait1, seg)
			c.setState(snd, Closing, seg)
		} else {
			c.setState(snd, LastAck, seg)
		}
	}
	switch c.Sides[rcv].State {
	case Established, SynReceived, SynSent, Closed, Listen:
		c.setState(rcv, CloseWait, seg)
	case FinWait1:
		c.setState(rcv, Closing, seg)
	case FinWait2:
		c.setState(rcv, TimeWait, seg)
	}
}

// undoCloseWait takes back the CLOSE_WAIT the end on side d was given when
// its peer's FIN passed: its own FIN shows it had not received that FIN
// yet.
// The side's latest change is the one to its current state, so the state
// it came from is prevState, whether or not Transitions are recorded.
func (c *Conn) undoCloseWait(d Dir) {
	if !c.hasPrev[d] || c.Sides[d].State != CloseWait {
		return
	}
	c.Sides[d].State = c.prevState[d]
	for i := len(c.Transitions) - 1; i >= 0; i-- {
		if c.Transitions[i].Endpoint == d {
			c.Transitions = append(c.Transitions[:i], c.Transitions[i+1:]...)
			return
		}
	}
}
