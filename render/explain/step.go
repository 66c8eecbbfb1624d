package explain

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// Sent is a data segment remembered for the ACK that will acknowledge it
// and for a retransmission of its bytes.
type Sent struct {
	Pos  tcp.Pos
	Seq  uint32 // first payload byte
	End  uint32 // one past the last payload byte
	Time time.Time
}

// Len is the number of payload bytes.
func (s Sent) Len() uint32 { return s.End - s.Seq }

// Step is everything the reading of one segment sees: the segment, the
// connection before and after the tracker folded it in, and what the
// session remembered and found around it.
type Step struct {
	Seg *tcp.Segment
	Dir rules.Dir // the sender
	// IsNew is set when the segment opened the connection.
	IsNew bool
	// Copy is set when the tracker recognised the segment as a copy of
	// the previous one on another interface and did not fold it in.
	Copy bool
	// Before is a copy of the connection as it was before the segment;
	// After is the connection after it.
	Before, After *rules.Conn
	// Acked are the peer's data segments this segment acknowledges for
	// the first time, oldest first.
	Acked []Sent
	// Original is the earlier segment that carried bytes this one sends
	// again, or nil.
	Original *Sent
	// Findings are the checks' findings at this segment; Earlier are
	// findings about earlier segments that the checks reached only now.
	Findings, Earlier []rules.Finding
	// Hints are the checks' hints on how to read their findings, by rule
	// ID.
	Hints map[string]*rules.Texts
}

// reading is the state of one Read call: shorthands for the step's sides.
type reading struct {
	st       *Step
	seg      *tcp.Segment
	snd, rcv rules.Dir
	// b and pb are the sender and its peer before the segment; a and pa
	// after it.
	b, pb, a, pa *rules.Side
	out          []Msg
}

func (r *reading) say(key Key, args ...any) { r.out = append(r.out, M(key, args...)) }

// role names the endpoint of direction d ("client", "server").
func role(d rules.Dir) Msg {
	if d == rules.FromClient {
		return M(kClient)
	}
	return M(kServer)
}

// roleCap names the endpoint of direction d at the start of a sentence.
func roleCap(d rules.Dir) Msg {
	if d == rules.FromClient {
		return M(kClientCap)
	}
	return M(kServerCap)
}

// posRef names a position the way a reader finds it: a line of a log or
// a packet of a capture.
func posRef(p tcp.Pos) Msg {
	if p.IsText() {
		return M(kLineRef, p.Line)
	}
	return M(kPacketRef, p.Packet)
}

// rel is x relative to the ISN of side s, as tcpdump prints it, and
// whether s's ISN is known.
func rel(s *rules.Side, x uint32) (uint32, bool) {
	if !s.HasISN {
		return 0, false
	}
	return x - s.ISN, true
}

// arith shows a computed number and whether it is what TCP expects:
// "j + 1 = 2927179379 ✓", or "2927179380 ✗ (expected j + 1 = 2927179379)".
func arith(label string, want, got uint32) Msg {
	if want == got {
		return M(kArithOK, label, got)
	}
	return M(kArithBad, label, want, got)
}

// inFlight is how many payload bytes side s has sent that its peer has
// not acknowledged; SYN and FIN, which take a sequence number but carry no
// byte, are not counted.
func inFlight(s, peer *rules.Side) int64 {
	if !s.HasNxt {
		return 0
	}
	if !peer.HasAck {
		return s.Bytes
	}
	n := tcp.SeqDiff(peer.MaxAck, s.Nxt)
	if s.HasFIN && tcp.SeqLEQ(peer.MaxAck, s.FIN) {
		n--
	}
	if s.HasISN && peer.MaxAck == s.ISN {
		n-- // the SYN itself is unacknowledged
	}
	return max(n, 0)
}
