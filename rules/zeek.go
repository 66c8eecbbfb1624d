package rules

import "github.com/pcaplint/pcaplint/parse/tcp"

// zeekState is Zeek's per-endpoint TCP state (TCP_INACTIVE … TCP_RESET),
// from which its conn_state is derived.
type zeekState uint8

const (
	zeekInactive zeekState = iota
	zeekSynSent
	zeekSynAckSent
	zeekPartial
	zeekEstablished
	zeekClosed
	zeekReset
)

// zeekObserve updates the sender's Zeek endpoint state for a segment.
func (c *Conn) zeekObserve(d Dir, seg *tcp.Segment) {
	s, peer := &c.Sides[d], &c.Sides[d.Peer()]
	f := seg.Flags
	if !seg.Has(tcp.KnownFlags) {
		if s.Zeek == zeekInactive {
			s.Zeek = zeekPartial
		}
		return
	}
	switch {
	case f&tcp.RST != 0:
		s.Zeek = zeekReset
	case f&tcp.FIN != 0:
		if s.Zeek != zeekReset {
			s.Zeek = zeekClosed
		}
	case f&tcp.SYN != 0 && f&tcp.ACK == 0:
		if s.Zeek == zeekInactive {
			s.Zeek = zeekSynSent
		}
	case f&tcp.SYN != 0:
		if s.Zeek == zeekInactive {
			s.Zeek = zeekSynAckSent
		}
	default:
		switch s.Zeek {
		case zeekInactive:
			s.Zeek = zeekPartial
		case zeekSynSent, zeekSynAckSent:
			s.Zeek = zeekEstablished
			if peer.Zeek == zeekSynSent || peer.Zeek == zeekSynAckSent {
				peer.Zeek = zeekEstablished
			}
		}
	}
}

// ZeekState is the connection's state in Zeek's conn_state vocabulary
// (S0 S1 SF REJ S2 S3 RSTO RSTR RSTOS0 RSTRH SH SHR OTH), derived from the
// endpoint states as Zeek's base/protocols/conn does.
func (c *Conn) ZeekState() string {
	os, rs := c.Sides[FromClient].Zeek, c.Sides[FromServer].Zeek
	oInactive := os == zeekInactive || os == zeekPartial
	rInactive := rs == zeekInactive || rs == zeekPartial
	switch {
	case rs == zeekReset:
		if os == zeekSynSent || os == zeekSynAckSent || (os == zeekReset && c.Bytes() == 0 && !c.Established()) {
			return "REJ"
		}
		if oInactive {
			return "RSTRH"
		}
		return "RSTR"
	case os == zeekReset:
		if rInactive {
			if c.Sides[FromClient].SYNs > 0 && c.Sides[FromServer].SYNs == 0 {
				return "RSTOS0"
			}
			return "OTH"
		}
		return "RSTO"
	case os == zeekClosed && rs == zeekClosed:
		return "SF"
	case os == zeekClosed:
		if rInactive {
			return "SH"
		}
		return "S2"
	case rs == zeekClosed:
		if oInactive {
			return "SHR"
		}
		return "S3"
	case os == zeekSynSent && rs == zeekInactive:
		return "S0"
	case os == zeekEstablished && rs == zeekEstablished:
		return "S1"
	}
	return "OTH"
}

// History letters, in Zeek's order; upper case is the client.
const historyLetters = "SHADFRCGTWIQ"

// Indexes of the letters Zeek records a logarithmic number of times (the
// 1st, 10th, 100th … occurrence): bad checksum, gap, retransmission, zero
// window.
const (
	histChecksum = 6
	histGap      = 7
	histRetrans  = 8
	histZeroWin  = 9
)

// AddHistory records history letter i (an index into "SHADFRCGTWIQ") for
// direction d. Most letters are recorded once per direction; C, G, T and W
// again at the 10th, 100th, … occurrence, as Zeek does.
func (c *Conn) AddHistory(d Dir, i int) {
	letter := historyLetters[i]
	if d == FromServer {
		letter += 'a' - 'A'
	}
	if i >= histChecksum && i <= histZeroWin {
		n := &c.historyReps[d][i-histChecksum]
		*n++
		if !isPowerOf10(int(*n)) {
			return
		}
		c.history = append(c.history, letter)
		return
	}
	if c.historySeen[d]&(1<<i) != 0 {
		return
	}
	c.historySeen[d] |= 1 << i
	c.history = append(c.history, letter)
}

func isPowerOf10(n int) bool {
	for n >= 10 && n%10 == 0 {
		n /= 10
	}
	return n == 1
}

// History letter indexes for AddHistory.
const (
	HistSYN            = 0
	HistSYNACK         = 1
	HistACK            = 2
	HistData           = 3
	HistFIN            = 4
	HistRST            = 5
	HistBadChecksum    = histChecksum
	HistGap            = histGap
	HistRetransmission = histRetrans
	HistZeroWindow     = histZeroWin
	HistInconsistent   = 10
	HistMultiFlag      = 11
)

// zeekHistory records the letters a segment earns by its flags and payload.
// Bad checksums (Zeek's C) are left out: a capture is verified only on
// request and tcpdump text shows them only with -v, and the same traffic
// must give the same history from every input.
func (c *Conn) zeekHistory(d Dir, seg *tcp.Segment) {
	f := seg.Flags
	if seg.Has(tcp.KnownFlags) {
		if f&tcp.SYN != 0 && f&(tcp.FIN|tcp.RST) != 0 {
			c.AddHistory(d, HistMultiFlag)
		}
		switch {
		case f&tcp.SYN != 0 && f&tcp.ACK != 0:
			c.AddHistory(d, HistSYNACK)
		case f&tcp.SYN != 0:
			c.AddHistory(d, HistSYN)
		}
		if f&tcp.FIN != 0 {
			c.AddHistory(d, HistFIN)
		}
		if f&tcp.RST != 0 {
			c.AddHistory(d, HistRST)
		}
		if f&tcp.ACK != 0 && f&(tcp.SYN|tcp.FIN|tcp.RST) == 0 && seg.PayloadLen == 0 {
			c.AddHistory(d, HistACK)
		}
		if seg.Window == 0 && f&(tcp.SYN|tcp.RST) == 0 && seg.Has(tcp.KnownWindow) {
			c.AddHistory(d, HistZeroWindow)
		}
	}
	if seg.PayloadLen > 0 {
		c.AddHistory(d, HistData)
	}
}
