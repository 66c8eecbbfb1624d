package capture

import (
	"net/netip"

	"github.com/google/gopacket/layers"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// UDP ports of the UDP tunnels decapsulated (IANA).
const (
	portVXLAN  = 4789
	portGeneve = 6081
)

// ethertype 0x6558: transparent Ethernet bridging, an Ethernet frame inside
// GRE or Geneve.
const etherTypeBridging layers.EthernetType = 0x6558

// ipPacket is the network-layer view of one IP header.
type ipPacket struct {
	src, dst  netip.Addr
	proto     layers.IPProtocol
	payload   []byte
	declared  int // payload length the header declares (may exceed what was captured)
	fragment  bool
	ttl       uint8
	id        uint16
	headerLen int
}

// network decodes IP and what it carries, following tunnels to the
// innermost TCP segment.
func (d *decoder) network(typ layers.EthernetType, payload []byte, seg *tcp.Segment) verdict {
	var ip ipPacket
	for depth := 0; ; depth++ {
		if depth == maxEncapsulation {
			return d.malformed("more than %d nested encapsulations", maxEncapsulation)
		}
		switch typ {
		case layers.EthernetTypeIPv4:
			if v := d.ipv4(payload, &ip); v != isTCP {
				return v
			}
		case layers.EthernetTypeIPv6:
			if v := d.ipv6(payload, &ip); v != isTCP {
				return v
			}
		case layers.EthernetTypeARP:
			return isARP
		default:
			return isOtherLink
		}
		if depth == 0 {
			seg.OuterSrc = tcp.Endpoint{Addr: ip.src}
			seg.OuterDst = tcp.Endpoint{Addr: ip.dst}
		}
		if ip.fragment {
			return isFragment
		}
		var in inner
		switch ip.proto {
		case layers.IPProtocolTCP:
			return d.segment(&ip, seg)
		case layers.IPProtocolIPv4:
			in = inner{typ: layers.EthernetTypeIPv4, payload: ip.payload, tunnel: tcp.TunnelIPinIP}
		case layers.IPProtocolIPv6:
			in = inner{typ: layers.EthernetTypeIPv6, payload: ip.payload, tunnel: tcp.TunnelIPinIP}
		case layers.IPProtocolGRE:
			if n := greHeaderLen(ip.payload); n < 0 || n > len(ip.payload) {
				return d.malformed("GRE header cut short: %d bytes", len(ip.payload))
			}
			if err := d.gre.DecodeFromBytes(ip.payload, noFeedback); err != nil {
				return d.malformed("GRE header: %v", err)
			}
			in = inner{typ: d.gre.Protocol, payload: d.gre.Payload, tunnel: tcp.TunnelGRE}
		case layers.IPProtocolUDP:
			var v verdict
			if in, v = d.udpTunnel(ip.payload); v != isTCP {
				return v
			}
		case layers.IPProtocolICMPv4, layers.IPProtocolICMPv6:
			return isICMP
		default:
			return isOtherIP
		}
		typ, payload = in.typ, in.payload
		if typ == etherTypeBridging || in.tunnel == tcp.TunnelVXLAN {
			if err := d.eth.DecodeFromBytes(payload, noFeedback); err != nil {
				return d.malformed("%v Ethernet frame: %v", in.tunnel, err)
			}
			var v verdict
			if typ, payload, v = d.vlans(d.eth.EthernetType, d.eth.Payload); v != isTCP {
				return v
			}
		}
		seg.Tunnel = in.tunnel
	}
}

// inner is what a tunnel header carries: the encapsulated packet, the
// type of its first header, and the tunnel it came through.
type inner struct {
	typ     layers.EthernetType
	payload []byte
	tunnel  tcp.Tunnel
}

// udpTunnel decapsulates VXLAN and Geneve; other UDP is just UDP.
func (d *decoder) udpTunnel(b []byte) (inner, verdict) {
	if err := d.udp.DecodeFromBytes(b, noFeedback); err != nil {
		return inner{}, d.malformed("UDP header: %v", err)
	}
	switch {
	case d.udp.DstPort == portVXLAN || d.udp.SrcPort == portVXLAN: // either port, as tcpdump and Wireshark decode it
		if err := d.vxlan.DecodeFromBytes(d.udp.Payload, noFeedback); err != nil {
			return inner{}, d.malformed("VXLAN header: %v", err)
		}
		return inner{typ: etherTypeBridging, payload: d.vxlan.Payload, tunnel: tcp.TunnelVXLAN}, isTCP
	case d.udp.DstPort == portGeneve:
		typ, payload, ok := geneveHeader(d.udp.Payload)
		if !ok {
			return inner{}, d.malformed("Geneve header cut short: %d bytes", len(d.udp.Payload))
		}
		return inner{typ: typ, payload: payload, tunnel: tcp.TunnelGeneve}, isTCP
	}
	return inner{}, isUDP
}

// geneveHeader decodes a Geneve header (RFC 8926 section 3.4): 8 fixed
// bytes, then options whose total length in 4-byte words is in the first
// byte. Not gopacket's decoder: it reads past a 7-byte packet and appends
// every option it sees to its reused layer, so its memory grows with the
// capture.
func geneveHeader(b []byte) (layers.EthernetType, []byte, bool) {
	if len(b) < 8 {
		return 0, nil, false
	}
	n := 8 + int(b[0]&0x3f)*4
	if len(b) < n {
		return 0, nil, false
	}
	return layers.EthernetType(binary16(b[2:4])), b[n:], true
}

func (d *decoder) ipv4(b []byte, ip *ipPacket) verdict {
	// A total length of 0 is a packet captured before segmentation
	// offload (GSO/TSO) or a BIG TCP packet over 64 KiB: its length is the
	// frame's. gopacket takes len(b) as a 16-bit length, which wraps.
	gso := len(b) >= 4 && b[2] == 0 && b[3] == 0
	head := b
	if gso && len(head) > 0xffff {
		head = head[:0xffff]
	}
	if err := d.ip4.DecodeFromBytes(head, noFeedback); err != nil {
		return d.malformed("IPv4 header: %v", err)
	}
	h := &d.ip4
	if h.Version != 4 {
		return d.malformed("IPv4 header: version %d", h.Version)
	}
	*ip = ipPacket{
		src:       netip.AddrFrom4([4]byte(h.SrcIP)),
		dst:       netip.AddrFrom4([4]byte(h.DstIP)),
		proto:     h.Protocol,
		payload:   h.Payload,
		declared:  int(h.Length) - int(h.IHL)*4,
		fragment:  h.FragOffset != 0 || h.Flags&layers.IPv4MoreFragments != 0,
		ttl:       h.TTL,
		id:        h.Id,
		headerLen: int(h.IHL) * 4,
	}
	if gso {
		ip.payload = b[ip.headerLen:]
		ip.declared = len(ip.payload) + d.uncaptured
	}
	return isTCP
}

// ipv6 decodes the fixed header and walks the extension headers to the
// upper-layer protocol.
func (d *decoder) ipv6(b []byte, ip *ipPacket) verdict {
	if len(b) >= 40 && b[4] == 0 && b[5] == 0 && b[6] != byte(layers.IPProtocolIPv6HopByHop) {
		return d.ipv6BigTCP(b, ip)
	}
	if err := d.ip6.DecodeFromBytes(b, noFeedback); err != nil {
		return d.malformed("IPv6 header: %v", err)
	}
	h := &d.ip6
	*ip = ipPacket{
		src:     netip.AddrFrom16([16]byte(h.SrcIP)),
		dst:     netip.AddrFrom16([16]byte(h.DstIP)),
		proto:   h.NextHeader,
		payload: h.Payload,
		ttl:     h.HopLimit,
	}
	ip.declared = len(h.Payload)
	if h.Length != 0 {
		ip.declared = int(h.Length)
	}
	if h.HopByHop != nil {
		ip.proto = h.HopByHop.NextHeader
		ip.declared -= len(h.HopByHop.Contents)
		if h.Length == 0 { // jumbogram: Payload already cut to the jumbo length
			ip.declared = len(h.Payload)
		}
	}
	return d.ipv6Extensions(ip)
}

// ipv6BigTCP decodes an IPv6 header whose payload length is 0 without a
// jumbo payload option: Linux captures BIG TCP packets (over 64 KiB, RFC
// 2675 lengths left out since kernel 6.x) that way, and GSO packets too.
// The payload is what follows the header in the frame.
func (d *decoder) ipv6BigTCP(b []byte, ip *ipPacket) verdict {
	if b[0]>>4 != 6 {
		return d.malformed("IPv6 header: version %d", b[0]>>4)
	}
	*ip = ipPacket{
		src:      netip.AddrFrom16([16]byte(b[8:24])),
		dst:      netip.AddrFrom16([16]byte(b[24:40])),
		proto:    layers.IPProtocol(b[6]),
		payload:  b[40:],
		declared: len(b) - 40 + d.uncaptured,
		ttl:      b[7],
	}
	return d.ipv6Extensions(ip)
}

// ipv6Extensions walks the extension headers to the upper-layer protocol.
func (d *decoder) ipv6Extensions(ip *ipPacket) verdict {
	for i := 0; isIPv6Extension(ip.proto); i++ {
		if i == maxEncapsulation {
			return d.malformed("more than %d IPv6 extension headers", maxEncapsulation)
		}
		if ip.proto == layers.IPProtocolIPv6Fragment && len(ip.payload) >= 4 {
			if binary16(ip.payload[2:4])&0xfff9 != 0 { // offset or M flag set
				ip.fragment = true
			}
		}
		if err := d.ext.DecodeFromBytes(ip.payload, noFeedback); err != nil {
			return d.malformed("IPv6 extension header: %v", err)
		}
		ip.proto = d.ext.NextHeader
		ip.payload = d.ext.Payload
		ip.declared -= len(d.ext.Contents)
	}
	return isTCP
}

func isIPv6Extension(p layers.IPProtocol) bool {
	switch p {
	case layers.IPProtocolIPv6HopByHop, layers.IPProtocolIPv6Routing,
		layers.IPProtocolIPv6Fragment, layers.IPProtocolIPv6Destination, 135 /* mobility */ :
		return true
	}
	return false
}

func binary16(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) }

// greHeaderLen is the length of a GRE header (RFC 2784, RFC 2890) from its
// flags (and RFC 2637's acknowledgment bit), or -1 when even the flags
// are missing. gopacket's GRE decoder
// reads the optional fields without checking the length first.
func greHeaderLen(b []byte) int {
	if len(b) < 4 {
		return -1
	}
	n := 4
	if b[0]&0xc0 != 0 { // checksum or routing present: checksum+offset field
		n += 4
	}
	if b[0]&0x20 != 0 { // key
		n += 4
	}
	if b[0]&0x10 != 0 { // sequence number
		n += 4
	}
	if b[1]&0x80 != 0 { // acknowledgment number (RFC 2637 enhanced GRE)
		n += 4
	}
	if b[0]&0x40 != 0 { // routing (RFC 1701): source route entries follow; not decapsulated
		return -1
	}
	return n
}
