package checks

import "github.com/pcaplint/pcaplint/parse/tcp"

// isSYN reports a SYN without ACK; isSYNACK a SYN with ACK.
func isSYN(seg *tcp.Segment) bool {
	return seg.Has(tcp.KnownFlags) && seg.Flags&(tcp.SYN|tcp.ACK|tcp.RST) == tcp.SYN
}

func isSYNACK(seg *tcp.Segment) bool {
	return seg.Has(tcp.KnownFlags) && seg.Flags&(tcp.SYN|tcp.ACK|tcp.RST) == tcp.SYN|tcp.ACK
}

// isRST reports a segment with the RST flag.
func isRST(seg *tcp.Segment) bool { return seg.Has(tcp.KnownFlags) && seg.Flags&tcp.RST != 0 }

// isAckOnly reports an ACK-bearing segment without SYN or RST (it may carry
// data or a FIN).
func isAckOnly(seg *tcp.Segment) bool {
	return seg.Has(tcp.KnownFlags) && seg.Flags&(tcp.SYN|tcp.ACK|tcp.RST) == tcp.ACK
}
