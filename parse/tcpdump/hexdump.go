package tcpdump

import (
	"encoding/binary"
	"net/netip"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// appendHexLine adds the bytes of one -x/-xx/-X/-XX dump line to buf
// (print-ascii.c, hex_print and hex_and_ascii_print; design notes §9):
// TAB, "0x%04x:" (longer past 0xffff), then up to eight " xxxx" groups,
// the last one possibly " xx", then for -X two or more spaces and an ASCII
// column. It reports false when the offset is not the count of bytes so
// far or a group is malformed.
func appendHexLine(buf, line []byte) ([]byte, bool) {
	c := cursor{b: line}
	if !c.lit("\t0x") {
		return buf, false
	}
	digits := c.token(":")
	off, ok := hexValue(digits)
	if !ok || !c.lit(": ") || off != uint64(len(buf)) {
		return buf, false
	}
	for g := 0; g < 8 && c.lit(" "); g++ {
		if c.peek() == ' ' {
			break // the -X ASCII column follows
		}
		start := c.i
		n := c.hex()
		if n != 2 && n != 4 {
			return buf, false
		}
		for k := start; k < start+n; k += 2 {
			hi, _ := hexDigit(line[k])
			lo, _ := hexDigit(line[k+1])
			buf = append(buf, hi<<4|lo)
		}
		if n == 2 {
			break
		}
	}
	return buf, true
}

// Link header lengths by the link-type names of libpcap, as the "reading
// from file …, link-type NAME (…)" banner prints them.
var linkHeaderLen = map[string]int{
	"EN10MB":     14,
	"LINUX_SLL":  16,
	"LINUX_SLL2": 20,
	"NULL":       4,
	"LOOP":       4,
	"RAW":        0,
	"IPV4":       0,
	"IPV6":       0,
}

// guessedOffsets are where an IP header may start when the link type is
// unknown: -x dumps (0), Ethernet, Linux cooked v1 and v2, BSD loopback.
var guessedOffsets = [...]int{0, 14, 16, 20, 4}

// frame decodes a dumped frame into seg when an IPv4 or IPv6 header
// carrying TCP with the ports the text showed starts at the link header's
// end (link >= 0, from the banner), at 0 (-x, or -xx on raw IP), or at one
// of the usual link header lengths. The bytes then replace what the text
// said.
func frame(b []byte, link int, seg *tcp.Segment) bool {
	if link >= 0 {
		return packetAt(b, vlanEnd(b, link), seg) || packetAt(b, 0, seg)
	}
	for _, off := range guessedOffsets {
		if off == 14 {
			off = vlanEnd(b, off)
		}
		if packetAt(b, off, seg) {
			return true
		}
	}
	return false
}

// vlanEnd skips 802.1Q and 802.1ad tags after an Ethernet header.
func vlanEnd(b []byte, off int) int {
	if off != 14 {
		return off
	}
	for off+4 <= len(b) {
		et := binary.BigEndian.Uint16(b[off-2:])
		if et != 0x8100 && et != 0x88a8 {
			break
		}
		off += 4
	}
	return off
}

// maxTunnels bounds the encapsulations followed in a dump, so that bytes
// crafted to nest forever end the search.
const maxTunnels = 8

// packetAt decodes the IP packet at off, following the tunnels tcpdump
// prints through (IP-in-IP, GRE, VXLAN, Geneve) to the innermost one, if
// that carries TCP with the ports the text showed for seg.
func packetAt(b []byte, off int, seg *tcp.Segment) bool {
	if off >= len(b) {
		return false
	}
	b = b[off:]
	var p packet
	for depth := 0; ; depth++ {
		if depth == maxTunnels || len(b) == 0 {
			return false
		}
		ok := false
		switch b[0] >> 4 {
		case 4:
			ok = p.ipv4(b)
		case 6:
			ok = p.ipv6(b)
		}
		if !ok {
			return false
		}
		if p.proto == ipProtoTCP {
			break
		}
		if b = decapsulate(&p); b == nil {
			return false
		}
	}
	if !p.tcp() || p.sport != seg.Src.Port || p.dport != seg.Dst.Port {
		return false
	}
	p.fill(seg)
	return true
}

// IP protocol numbers, ethertypes and UDP ports of the encapsulations
// followed in dumps (IANA).
const (
	ipProtoIPv4 = 4
	ipProtoTCP  = 6
	ipProtoUDP  = 17
	ipProtoIPv6 = 41
	ipProtoGRE  = 47

	etherIPv4     = 0x0800
	etherIPv6     = 0x86dd
	etherBridging = 0x6558 // transparent Ethernet bridging: a frame inside GRE or Geneve

	portVXLAN  = 4789
	portGeneve = 6081
)

// decapsulate returns the inner IP packet of a tunnel packet, or nil when
// p carries something else. tcpdump takes UDP to be VXLAN when either port
// is 4789 and Geneve when the destination port is 6081 (print-udp.c).
func decapsulate(p *packet) []byte {
	b := p.l4
	switch p.proto {
	case ipProtoIPv4, ipProtoIPv6:
		return b
	case ipProtoGRE:
		n := greLen(b)
		if n < 0 {
			return nil
		}
		return inner(binary.BigEndian.Uint16(b[2:]), b[n:])
	case ipProtoUDP:
		if len(b) < 8 {
			return nil
		}
		sport, dport := binary.BigEndian.Uint16(b), binary.BigEndian.Uint16(b[2:])
		b = b[8:]
		switch {
		case sport == portVXLAN || dport == portVXLAN:
			if len(b) < 8 {
				return nil
			}
			return inner(etherBridging, b[8:])
		case dport == portGeneve:
			// Version 0: 2 bits version, 6 bits option length in
			// 4-byte words, flags, protocol type, VNI (RFC 8926).
			if len(b) < 8 || b[0]>>6 != 0 {
				return nil
			}
			n := 8 + int(b[0]&0x3f)*4
			if n > len(b) {
				return nil
			}
			return inner(binary.BigEndian.Uint16(b[2:]), b[n:])
		}
	}
	return nil
}

// greLen is the length of a version 0 GRE header (RFC 2784, RFC 2890)
// from its flags: the checksum, key and sequence number words are
// optional. It is -1 for a header cut short, with a source route (RFC
// 1701), or of another version (1 is PPTP's, carrying PPP).
func greLen(b []byte) int {
	if len(b) < 4 || b[0]&0x40 != 0 || b[1]&0x07 != 0 {
		return -1
	}
	n := 4
	for _, bit := range [...]byte{0x80, 0x20, 0x10} { // checksum, key, sequence number
		if b[0]&bit != 0 {
			n += 4
		}
	}
	if n > len(b) {
		return -1
	}
	return n
}

// inner returns the IP packet that a tunnel header's protocol type says
// follows, looking through an Ethernet frame (and its VLAN tags) for
// bridged frames.
func inner(typ uint16, b []byte) []byte {
	if typ == etherBridging {
		off := vlanEnd(b, 14)
		if off > len(b) {
			return nil
		}
		typ, b = binary.BigEndian.Uint16(b[off-2:]), b[off:]
	}
	if typ != etherIPv4 && typ != etherIPv6 {
		return nil
	}
	return b
}

// packet is an IP packet decoded from dumped bytes; with proto TCP, the
// TCP segment it carries.
type packet struct {
	src, dst     netip.Addr
	proto        uint8
	ttl          uint8
	id           uint16
	l4           []byte // what the IP header carries, as captured
	l4Len        int    // the length of it the IP header claims
	sport, dport uint16
}

// ipv4 decodes an IPv4 header. A later fragment is refused: it carries no
// header of the layer above.
func (p *packet) ipv4(b []byte) bool {
	if len(b) < 20 {
		return false
	}
	ihl := int(b[0]&0x0f) * 4
	total := int(binary.BigEndian.Uint16(b[2:]))
	if ihl < 20 || len(b) < ihl || binary.BigEndian.Uint16(b[6:])&0x1fff != 0 {
		return false
	}
	if total == 0 {
		total = len(b) // TSO: the length field was left 0
	}
	if total < ihl {
		return false
	}
	p.src = netip.AddrFrom4([4]byte(b[12:16]))
	p.dst = netip.AddrFrom4([4]byte(b[16:20]))
	p.proto, p.ttl, p.id = b[9], b[8], binary.BigEndian.Uint16(b[4:])
	p.l4, p.l4Len = b[ihl:], total-ihl
	return true
}

func (p *packet) ipv6(b []byte) bool {
	if len(b) < 40 {
		return false
	}
	payload := int(binary.BigEndian.Uint16(b[4:]))
	if payload == 0 {
		payload = len(b) - 40 // a jumbogram (BIG TCP)
	}
	next, off := b[6], 40
	for next == 0 || next == 43 || next == 60 { // hop-by-hop, routing, destination options
		if off+8 > len(b) {
			return false
		}
		n := (int(b[off+1]) + 1) * 8
		next, off, payload = b[off], off+n, payload-n
	}
	if off > len(b) || payload < 0 {
		return false
	}
	p.src = netip.AddrFrom16([16]byte(b[8:24]))
	p.dst = netip.AddrFrom16([16]byte(b[24:40]))
	p.proto, p.ttl, p.id = next, b[7], 0
	p.l4, p.l4Len = b[off:], payload
	return true
}

// tcp checks the TCP header's fixed part.
func (p *packet) tcp() bool {
	if len(p.l4) < 20 {
		return false
	}
	p.sport = binary.BigEndian.Uint16(p.l4[0:])
	p.dport = binary.BigEndian.Uint16(p.l4[2:])
	return int(p.l4[12]>>4)*4 >= 20
}

// fill replaces seg's header fields with the decoded ones.
func (p *packet) fill(seg *tcp.Segment) {
	h := p.l4
	hlen := int(h[12]>>4) * 4
	seg.Src = tcp.Endpoint{Addr: p.src, Port: p.sport}
	seg.Dst = tcp.Endpoint{Addr: p.dst, Port: p.dport}
	seg.Seq = binary.BigEndian.Uint32(h[4:])
	seg.Ack = binary.BigEndian.Uint32(h[8:])
	seg.Flags = tcp.Flags(h[13]) | tcp.Flags(h[12]&1)<<8
	seg.Window = binary.BigEndian.Uint16(h[14:])
	seg.Urgent = binary.BigEndian.Uint16(h[18:])
	seg.TTL, seg.IPID = p.ttl, p.id
	seg.PayloadLen = 0
	if p.l4Len > hlen {
		seg.PayloadLen = uint32(p.l4Len - hlen)
	}
	seg.Truncated = len(h) < p.l4Len
	seg.Known |= tcp.KnownSeq | tcp.KnownAck | tcp.KnownFlags | tcp.KnownWindow
	seg.Options = tcp.Options{}
	if hlen <= len(h) {
		decodeOptions(h[20:hlen], &seg.Options)
		seg.Known |= tcp.KnownOptions
	} else {
		seg.Known &^= tcp.KnownOptions
	}
}

// decodeOptions reads TCP options from header bytes (RFC 9293 section
// 3.2 and the option RFCs). A length byte that lies marks them malformed.
func decodeOptions(b []byte, o *tcp.Options) {
	for len(b) > 0 {
		kind := b[0]
		switch kind {
		case 0:
			o.Has |= tcp.OptEOL
			return
		case 1:
			o.Has |= tcp.OptNOP
			b = b[1:]
			continue
		}
		if len(b) < 2 || b[1] < 2 || int(b[1]) > len(b) {
			if len(b) >= 2 {
				lyingOption(kind, b[1], o)
			}
			o.Has |= tcp.OptMalformed
			return
		}
		n := int(b[1])
		if !decodeOption(kind, b[1], b[2:n], o) {
			o.Has |= tcp.OptMalformed
		}
		b = b[n:]
	}
}

// lyingOption records the option whose length byte lies, as the capture
// reader does: an option that needs a value is left out, and the kind of
// one that needs none (or is unknown, with the length it claims) is kept.
func lyingOption(kind, n byte, o *tcp.Options) {
	switch kind {
	case 2, 3, 5, 8: // MSS, window scale, SACK, timestamps: no value to read
	default:
		decodeOption(kind, n, nil, o)
	}
}

// decodeOption records one option, whose length byte said n; false when
// its length is wrong.
func decodeOption(kind, n byte, v []byte, o *tcp.Options) bool {
	switch kind {
	case 2:
		o.Has |= tcp.OptMSS
		if len(v) != 2 {
			return false
		}
		o.MSS = binary.BigEndian.Uint16(v)
	case 3:
		o.Has |= tcp.OptWScale
		if len(v) != 1 {
			return false
		}
		o.WScale = v[0]
	case 4:
		o.Has |= tcp.OptSACKPermitted
		return len(v) == 0
	case 5:
		o.Has |= tcp.OptSACK
		for ; len(v) >= 8; v = v[8:] {
			o.AddSACK(binary.BigEndian.Uint32(v), binary.BigEndian.Uint32(v[4:]))
		}
		return len(v) == 0
	case 8:
		o.Has |= tcp.OptTimestamp
		if len(v) != 8 {
			return false
		}
		o.TSVal, o.TSEcr = binary.BigEndian.Uint32(v), binary.BigEndian.Uint32(v[4:])
	case 19:
		o.Has |= tcp.OptMD5
	case 28:
		o.Has |= tcp.OptUserTimeout
	case 29:
		o.Has |= tcp.OptAO
	case 30:
		o.Has |= tcp.OptMPTCP
	case 34:
		o.Has |= tcp.OptTFO
		o.TFOCookieLen = uint8(len(v))
	case 254:
		if len(v) >= 2 && binary.BigEndian.Uint16(v) == 0xf989 { // RFC 7413's experimental TFO
			o.Has |= tcp.OptTFO
			o.TFOCookieLen = uint8(len(v) - 2)
			return true
		}
		o.AddUnknown(kind, n)
	default:
		o.AddUnknown(kind, n)
	}
	return true
}
