package rules

import (
	"time"
	"unsafe"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// Dir is the direction of a segment within its connection.
type Dir uint8

// Directions.
const (
	FromClient Dir = 0
	FromServer Dir = 1
)

// Peer is the other direction.
func (d Dir) Peer() Dir { return 1 - d }

// String names the sender role.
func (d Dir) String() string {
	if d == FromClient {
		return "client"
	}
	return "server"
}

// Side is what the tracker knows of one direction of a connection: the
// sender's sequence space and what it acknowledged of its peer's.
type Side struct {
	Endpoint tcp.Endpoint

	ISN    uint32 // initial sequence number, from its SYN
	HasISN bool
	Nxt    uint32 // highest seq+len sent (SYN and FIN count one)
	HasNxt bool
	MaxAck uint32 // highest ack sent
	HasAck bool
	// Win is the last window advertised, scaled when both SYNs carried a
	// window scale (RFC 7323 section 2.2); RawWin is the field as sent.
	Win    uint32
	RawWin uint16
	HasWin bool
	// WScale is the shift from the sender's SYN, -1 when it sent none.
	WScale int8
	FIN    uint32 // seq of its FIN
	HasFIN bool
	RST    bool
	MSS    uint16
	SACKOK bool

	State State     // RFC 9293 state, as inferred from the segments
	Zeek  zeekState // Zeek's endpoint state
	// resetSent is set once the side sent a RST its peer accepted (see
	// Conn.ResetAccepted).
	resetSent bool
	// hasTS is set once the side sent a timestamp option: tsVal is the
	// TSval of its latest, sent at tsMilli (Unix milliseconds, cut to 32
	// bits), for telling a reused 4-tuple by its clock. Placed in what
	// would be padding before Packets, with 4 bytes more.
	hasTS   bool
	tsVal   uint32
	tsMilli uint32

	Packets int64
	Bytes   int64 // payload bytes, retransmissions included
	SYNs    int   // SYN or SYN-ACK segments sent
}

// Conn is one TCP connection.
type Conn struct {
	ID     int
	Client tcp.Endpoint
	Server tcp.Endpoint
	Sides  [2]Side // indexed by Dir

	Start, End time.Time
	// FirstPos is where the connection's first segment was read.
	FirstPos tcp.Pos
	// LastPos is where its latest segment was read.
	LastPos tcp.Pos
	// Midstream is set when the capture holds no SYN of the connection.
	Midstream bool
	// Flipped is set when the first segment seen came from the server
	// (Zeek's "^").
	Flipped bool
	// Reused is set when the connection reuses the 4-tuple of an earlier
	// one in the same input.
	Reused bool
	// handshake is what passed of the three-way handshake, known whether
	// or not the input gave times (tcpdump -t prints none: every time is
	// zero, so the times below cannot say it).
	handshake handshakeSeen
	// untimed is set once a segment came without a time (Untimed).
	untimed bool
	// Copies counts packets seen again on another interface (-i any) and
	// not counted twice.
	Copies int64

	// Handshake times: the first SYN, SYN-ACK, and the ACK that completed
	// it; zero when that segment did not pass or the input gave no time
	// (SYNSeen, SYNACKSeen and Established say which).
	SYNTime, SYNACKTime, EstablishedTime time.Time
	// Transitions are the RFC 9293 state changes of both endpoints.
	Transitions []Transition

	history     []byte
	historySeen [2]uint32    // bit per letter index, per direction
	historyReps [2][4]uint32 // counts of the logarithmic letters C G T W
	last        [2]lastSegment

	// states are the checks' own states of the connection, one slot per
	// CheckState key (nil until the key's first use); the Engine releases
	// them once every check has seen the connection end.
	states []unsafe.Pointer

	// seen is what the capture saw of each side's sequence space, for the
	// capture-loss estimate (caploss.go).
	seen [2]seenData

	// prevState is each side's state before its latest change.
	prevState [2]State
	hasPrev   [2]bool
	// noTransitions is set when the tracker records no Transitions.
	noTransitions bool

	// tracker bookkeeping
	// open is the ordinal of the segment that opened the connection in a
	// lane (see Lanes), 0 otherwise.
	open       uint64
	key        connKey
	prev, next *Conn // the LRU list
	// queue is the closedQueue c waits in to be retired, if any.
	queue        *closedQueue
	qprev, qnext *Conn
}

// OpenOrder orders connections as they opened in the input: sorted by it,
// the connections of one input (of one tracker, or of all the trackers of
// Lanes) are in the order of the IDs they have once numbered.
func (c *Conn) OpenOrder() uint64 {
	if c.open != 0 {
		return c.open
	}
	return uint64(c.ID)
}

// Packets counts packets both ways.
func (c *Conn) Packets() int64 { return c.Sides[0].Packets + c.Sides[1].Packets }

// Bytes counts payload bytes both ways.
func (c *Conn) Bytes() int64 { return c.Sides[0].Bytes + c.Sides[1].Bytes }

// Duration is the time from the first to the last segment.
func (c *Conn) Duration() time.Duration { return c.End.Sub(c.Start) }

// History is Zeek's history string: upper case for the client, lower case
// for the server.
func (c *Conn) History() string { return string(c.history) }

// HandshakeRTT is the time from the SYN to the ACK completing the
// handshake, or zero when the handshake was not seen whole.
func (c *Conn) HandshakeRTT() time.Duration {
	if c.SYNTime.IsZero() || c.EstablishedTime.IsZero() {
		return 0
	}
	return tcp.Elapsed(c.SYNTime, c.EstablishedTime)
}

// handshakeSeen holds a bit per step of the three-way handshake that
// passed.
type handshakeSeen uint8

const (
	sawSYN handshakeSeen = 1 << iota
	sawSYNACK
	sawEstablished
)

// Untimed reports whether a segment of the connection came without a
// time (tcpdump -t, a pcapng Simple Packet Block): its times, Start, End
// and Duration say nothing then.
func (c *Conn) Untimed() bool { return c.untimed }

// SYNSeen reports whether the client's first SYN passed (at SYNTime).
func (c *Conn) SYNSeen() bool { return c.handshake&sawSYN != 0 }

// SYNACKSeen reports whether the server's first SYN-ACK passed (at
// SYNACKTime).
func (c *Conn) SYNACKSeen() bool { return c.handshake&sawSYNACK != 0 }

// Established reports whether the three-way handshake completed (at
// EstablishedTime).
func (c *Conn) Established() bool { return c.handshake&sawEstablished != 0 }

// Closed reports whether both sides sent a FIN, or either a RST.
func (c *Conn) Closed() bool {
	return c.Sides[0].RST || c.Sides[1].RST || (c.Sides[0].HasFIN && c.Sides[1].HasFIN)
}

// Side returns the state of the sender in direction d.
func (c *Conn) Side(d Dir) *Side { return &c.Sides[d] }
