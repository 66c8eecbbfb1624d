package tcpdump

import (
	"bytes"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// offloaded reports whether a checksum tcpdump -v calls "incorrect" is the
// pseudo-header sum that checksum offload leaves in outgoing packets (Linux
// CHECKSUM_PARTIAL) for the NIC to complete: not wrong, just not computed.
// The capture reader recognises the same case from the bytes. It needs the
// addresses (-n) and the TCP length, from the IPv4 header's total length or
// IPv6's payload length.
func offloaded(pt *packetText, a anchor, seg *tcp.Segment) bool {
	if !seg.Src.Addr.IsValid() || !seg.Dst.Addr.IsValid() {
		return false
	}
	stored, ok := hexField(pt.line(a.line)[a.colon:], ", cksum 0x")
	if !ok {
		return false
	}
	tcpLen, ok := tcpLength(pt, a, seg)
	if !ok {
		return false
	}
	var sum uint32
	if seg.Src.Addr.Is4() {
		s, d := seg.Src.Addr.As4(), seg.Dst.Addr.As4()
		sum = addWords(addWords(0, s[:]), d[:])
	} else {
		s, d := seg.Src.Addr.As16(), seg.Dst.Addr.As16()
		sum = addWords(addWords(0, s[:]), d[:])
	}
	sum += 6 + tcpLen>>16 + tcpLen&0xffff
	for sum > 0xffff {
		sum = sum&0xffff + sum>>16
	}
	return uint64(sum) == stored
}

// tcpLength is the TCP segment's length (header and payload) from the -v IP
// header: IPv4 "length N" less a 20-byte header (no IP options printed),
// IPv6 "payload length N" when TCP follows the fixed header directly.
func tcpLength(pt *packetText, a anchor, seg *tcp.Segment) (uint32, bool) {
	b := headerText(pt, a)
	if k := bytes.LastIndex(b, []byte("(tos ")); k >= 0 && seg.Src.Addr.Is4() {
		h := b[k:]
		if bytes.Contains(h, []byte(", options (")) {
			return 0, false
		}
		n, ok := numberField(h, ", length ")
		return uint32(n) - 20, ok && n >= 20
	}
	if k := bytes.LastIndex(b, []byte("IP6 (")); k >= 0 && bytes.Contains(b[k:], []byte("next-header TCP (6)")) {
		h := b[k:]
		if n, ok := numberField(h, "payload length "); ok {
			return uint32(n), true
		}
		n, ok := numberField(h, "payload length: ")
		return uint32(n), ok
	}
	return 0, false
}

// hexField reads the hexadecimal number after the first occurrence of name.
func hexField(h []byte, name string) (uint64, bool) {
	k := bytes.Index(h, []byte(name))
	if k < 0 {
		return 0, false
	}
	c := cursor{b: h, i: k + len(name)}
	start := c.i
	c.hex()
	return hexValue(h[start:c.i])
}

// addWords adds b to a ones' complement sum, 16 bits at a time.
func addWords(sum uint32, b []byte) uint32 {
	for i := 0; i+1 < len(b); i += 2 {
		sum += uint32(b[i])<<8 | uint32(b[i+1])
	}
	return sum
}
