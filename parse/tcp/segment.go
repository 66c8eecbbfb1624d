package tcp

import "time"

// Known records which fields of a Segment the input carried. A capture
// carries all of them; tcpdump text omits some (no seq on a pure ACK without
// -vv, nothing but length with -q, no time with -t).
type Known uint8

// Field presence bits.
const (
	KnownTime Known = 1 << iota
	KnownSeq
	KnownAck
	KnownFlags
	KnownWindow
	KnownOptions
	KnownChecksum
	// KnownIPID: the input carried an IPv4 identification field (a
	// capture of IPv4, tcpdump -v text of IPv4).
	KnownIPID
)

// KnownAll is what a fully decoded capture packet carries, IPv4 or IPv6
// (an IPv4 packet adds KnownIPID).
const KnownAll = KnownTime | KnownSeq | KnownAck | KnownFlags | KnownWindow | KnownOptions | KnownChecksum

// Checksum is the verdict on a segment's checksums.
type Checksum uint8

// Checksum verdicts.
const (
	ChecksumUnknown Checksum = iota // not verified (truncated capture, text without -v)
	ChecksumGood
	ChecksumBadTCP
	ChecksumBadIP
)

// Direction is the capture direction of a Linux cooked (SLL/SLL2) packet.
type Direction uint8

// Capture directions, as Linux reports them in the packet type field.
const (
	DirUnknown Direction = iota
	DirIn                // to this host
	DirOut               // sent by this host
	DirBroadcast
	DirMulticast
	DirOther // to another host (promiscuous)
)

// Segment is one TCP segment as seen in the input. It holds no heap pointers
// besides its strings and Payload, which points into the reader's own
// buffer, so readers fill a caller-owned Segment without allocating.
type Segment struct {
	// Time the packet was captured; zero when the input gave no time.
	Time time.Time
	Src  Endpoint
	Dst  Endpoint
	Seq  uint32
	Ack  uint32
	// Window is the raw 16-bit window field, not scaled.
	Window  uint16
	Urgent  uint16
	Flags   Flags
	Options Options
	// PayloadLen is the TCP payload length from the IP lengths, not from
	// what was captured (a snaplen-cut packet keeps its real length).
	PayloadLen uint32
	Known      Known
	Checksum   Checksum
	// Truncated is set when the capture holds fewer bytes than the packet had.
	Truncated bool
	// Payload is the TCP payload as captured: PayloadLen bytes, fewer when
	// the snapshot length cut the packet (Truncated), none when the input
	// did not carry the bytes (tcpdump text without a -x/-X hex dump). It
	// points into the reader's buffer and is valid until the next call to
	// Next: whoever keeps a segment longer keeps a copy (PayloadCopies).
	Payload []byte
	// Interface identifies the capture interface (pcapng interface index or
	// SLL2 ifindex); -1 when unknown. With Dir it tells copies of one packet
	// seen on several interfaces of a "-i any" capture apart.
	Interface int32
	Dir       Direction
	// IPID is the IPv4 identification field (0 for IPv6; KnownIPID says
	// whether the input had one); it helps recognise the same packet seen
	// twice, and on stacks that count it up per packet (Linux, Windows) it
	// orders a connection's segments as they were sent.
	IPID uint16
	TTL  uint8
	// Tunnel is set when the segment was decapsulated from a tunnel; Outer
	// are the outermost IP endpoints (ports zero).
	Tunnel   Tunnel
	OuterSrc Endpoint
	OuterDst Endpoint
	Pos      Pos
}

// Tunnel names the encapsulation a segment was carried in.
type Tunnel uint8

// Encapsulations decapsulated by the capture reader.
const (
	TunnelNone Tunnel = iota
	TunnelIPinIP
	TunnelGRE
	TunnelVXLAN
	TunnelGeneve
)

// String names the tunnel.
func (t Tunnel) String() string {
	switch t {
	case TunnelIPinIP:
		return "IP-in-IP"
	case TunnelGRE:
		return "GRE"
	case TunnelVXLAN:
		return "VXLAN"
	case TunnelGeneve:
		return "Geneve"
	}
	return "none"
}

// Len is the segment's length in sequence space: payload plus one for SYN
// and one for FIN (RFC 9293 section 3.4).
func (s *Segment) Len() uint32 {
	n := s.PayloadLen
	if s.Flags&SYN != 0 {
		n++
	}
	if s.Flags&FIN != 0 {
		n++
	}
	return n
}

// End is the sequence number just past the segment: Seq + Len, modulo 2^32.
func (s *Segment) End() uint32 { return s.Seq + s.Len() }

// Has reports whether the input carried all the fields in k.
func (s *Segment) Has(k Known) bool { return s.Known&k == k }
