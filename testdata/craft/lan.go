package main

import (
	"encoding/binary"
	"net"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

// lanNoise is one frame of each kind that tcpdump prints on a busy
// Ethernet segment besides TCP — ARP, 802.1Q, STP, LLDP, CDP, EAPOL, an
// unknown ethertype (hex-dumped), IGMP, ICMP echo and unreachable, UDP
// (DNS, mDNS, DHCP, NTP, SSDP, NetBIOS, plain), ICMPv6 neighbour
// discovery and MLD, DHCPv6 — then the clean conversation: the lines a log
// may open with before its first TCP line.
func lanNoise(tr *trace, c *conv) {
	for _, f := range noiseFrames() {
		tr.add(packet{l3: f.l3, proto: f.proto, fromCli: true})
	}
	c.full()
}

// noiseFrame is a frame's network-layer bytes and its ethertype (an 802.3
// length for LLC frames).
type noiseFrame struct {
	proto layers.EthernetType
	l3    []byte
}

var (
	noiseSrc4 = net.IPv4(192, 0, 2, 10).To4()
	noiseDst4 = net.IPv4(192, 0, 2, 255).To4()
	noiseLL6  = net.ParseIP("fe80::1")
	allNodes6 = net.ParseIP("ff02::1")
)

func noiseFrames() []noiseFrame {
	arp := func(op uint16) []byte {
		a := &layers.ARP{
			AddrType: layers.LinkTypeEthernet, Protocol: layers.EthernetTypeIPv4, HwAddressSize: 6, ProtAddressSize: 4,
			Operation: op, SourceHwAddress: macClient, SourceProtAddress: noiseSrc4,
			DstHwAddress: make([]byte, 6), DstProtAddress: net.IPv4(192, 0, 2, 1).To4(),
		}
		if op == layers.ARPReply {
			a.DstHwAddress = macServer
		}
		return serialize(a)
	}
	llc := func(b ...byte) noiseFrame { return noiseFrame{layers.EthernetType(len(b)), b} }
	fs := []noiseFrame{
		{layers.EthernetTypeARP, arp(layers.ARPRequest)},
		{layers.EthernetTypeARP, arp(layers.ARPReply)},
		// 802.1Q, VLAN 10, carrying an ARP request.
		{layers.EthernetTypeDot1Q, append([]byte{0x00, 0x0a, 0x08, 0x06}, arp(layers.ARPRequest)...)},
		llc(stpBPDU()...),
		{layers.EthernetTypeLinkLayerDiscovery, lldp()},
		llc(cdp()...),
		{layers.EthernetTypeEAPOL, []byte{0x01, 0x01, 0x00, 0x00}}, // EAPOL-Start
		{layers.EthernetType(0x88b5), pattern(20)},                 // IEEE local experimental: tcpdump hex-dumps it
		ipv4Noise(layers.IPProtocolIGMP, igmpReport()),
		ipv4Noise(layers.IPProtocolICMPv4, icmpEcho()),
		ipv4Noise(layers.IPProtocolICMPv4, icmpUnreachable()),
	}
	for _, u := range []struct {
		sport, dport uint16
		payload      []byte
	}{
		{40000, 53, dnsQuery()},
		{5353, 5353, dnsQuery()},
		{68, 67, dhcpDiscover()},
		{123, 123, ntpRequest()},
		{40001, 1900, []byte("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n\r\n")},
		{137, 137, pattern(50)},
		{40002, 9, pattern(30)},
	} {
		fs = append(fs, ipv4Noise(layers.IPProtocolUDP, udpNoise(u.sport, u.dport, u.payload)))
	}
	fs = append(fs,
		ipv6Noise(icmpv6(layers.ICMPv6TypeNeighborSolicitation, append(make([]byte, 4), net.ParseIP("fe80::2")...))),
		ipv6Noise(icmpv6(layers.ICMPv6TypeNeighborAdvertisement, append([]byte{0x60, 0, 0, 0}, noiseLL6...))),
		ipv6Noise(icmpv6(layers.ICMPv6TypeRouterSolicitation, make([]byte, 4))),
		ipv6Noise(icmpv6(layers.ICMPv6TypeMLDv1MulticastListenerReportMessage, append([]byte{0, 0, 0, 0}, net.ParseIP("ff02::fb")...))),
	)
	return fs
}

// ipv4Noise is an IPv4 packet from noiseSrc4 to the broadcast address.
func ipv4Noise(proto layers.IPProtocol, payload []byte) noiseFrame {
	ip := &layers.IPv4{Version: 4, TTL: 1, Id: 0x500, Protocol: proto, SrcIP: noiseSrc4, DstIP: noiseDst4}
	return noiseFrame{layers.EthernetTypeIPv4, serialize(ip, gopacket.Payload(payload))}
}

// ipv6Noise is an ICMPv6 packet from fe80::1 to all nodes; the checksum
// is computed over the pseudo-header.
func ipv6Noise(icmp []byte) noiseFrame {
	ip := &layers.IPv6{Version: 6, HopLimit: 255, NextHeader: layers.IPProtocolICMPv6, SrcIP: noiseLL6, DstIP: allNodes6}
	pseudo := append(append(append([]byte{}, noiseLL6...), allNodes6...), 0, 0, byte(len(icmp)>>8), byte(len(icmp)), 0, 0, 0, 58)
	binary.BigEndian.PutUint16(icmp[2:], checksum(pseudo, icmp))
	return noiseFrame{layers.EthernetTypeIPv6, serialize(ip, gopacket.Payload(icmp))}
}

// icmpv6 is an ICMPv6 message of type typ, code 0, with body after the
// checksum; the checksum is left to ipv6Noise.
func icmpv6(typ uint8, body []byte) []byte { return append([]byte{typ, 0, 0, 0}, body...) }

// udpNoise is a UDP datagram; its checksum is left 0 (none).
func udpNoise(sport, dport uint16, payload []byte) []byte {
	h := make([]byte, 8, 8+len(payload))
	binary.BigEndian.PutUint16(h[0:], sport)
	binary.BigEndian.PutUint16(h[2:], dport)
	binary.BigEndian.PutUint16(h[4:], uint16(8+len(payload)))
	return append(h, payload...)
}

// igmpReport is an IGMPv2 membership report for 239.1.2.3.
func igmpReport() []byte {
	b := []byte{0x16, 0, 0, 0, 239, 1, 2, 3}
	binary.BigEndian.PutUint16(b[2:], checksum(b))
	return b
}

func icmpEcho() []byte {
	b := append([]byte{8, 0, 0, 0, 0, 9, 0, 1}, pattern(32)...)
	binary.BigEndian.PutUint16(b[2:], checksum(b))
	return b
}

// icmpUnreachable is a port unreachable quoting a UDP datagram's IPv4
// header and first 8 bytes.
func icmpUnreachable() []byte {
	quoted := serialize(&layers.IPv4{Version: 4, TTL: 64, Id: 0x501, Protocol: layers.IPProtocolUDP, SrcIP: noiseDst4, DstIP: noiseSrc4},
		gopacket.Payload(udpNoise(40003, 33434, pattern(12))))[:28]
	b := append([]byte{3, 3, 0, 0, 0, 0, 0, 0}, quoted...)
	binary.BigEndian.PutUint16(b[2:], checksum(b))
	return b
}

// dnsQuery asks for the A record of example.com, id 0x1234, RD.
func dnsQuery() []byte {
	b := []byte{0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0}
	b = append(b, 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0)
	return append(b, 0, 1, 0, 1)
}

// dhcpDiscover is a BOOTP request with the DHCP magic cookie and a
// DISCOVER message type.
func dhcpDiscover() []byte {
	b := make([]byte, 236)
	b[0], b[1], b[2] = 1, 1, 6 // BOOTREQUEST, Ethernet, hlen 6
	binary.BigEndian.PutUint32(b[4:], 0x3903f326)
	copy(b[28:], macClient)
	return append(b, 0x63, 0x82, 0x53, 0x63, 53, 1, 1, 255)
}

// ntpRequest is an NTPv4 client request with everything else zero.
func ntpRequest() []byte {
	b := make([]byte, 48)
	b[0] = 0x23 // LI 0, version 4, mode 3
	return b
}

// stpBPDU is an LLC header (DSAP/SSAP 0x42, UI) and an 802.1D
// configuration BPDU.
func stpBPDU() []byte {
	b := []byte{0x42, 0x42, 0x03, 0, 0, 0, 0, 0} // LLC; protocol 0, version 0, type config, flags 0
	root := []byte{0x80, 0x00, 0x02, 0, 0, 0, 0, 0x01}
	b = append(b, root...)
	b = append(b, 0, 0, 0, 0) // root path cost
	b = append(b, root...)
	return append(b, 0x80, 0x01, 0, 0, 0x14, 0, 0x02, 0, 0x0f, 0)
}

// lldp is chassis ID (MAC), port ID (interface name), TTL 120, end.
func lldp() []byte {
	tlv := func(typ, sub byte, v []byte) []byte {
		n := len(v)
		if sub != 0 {
			n++
		}
		b := []byte{typ<<1 | byte(n>>8), byte(n)}
		if sub != 0 {
			b = append(b, sub)
		}
		return append(b, v...)
	}
	b := tlv(1, 4, macClient)
	b = append(b, tlv(2, 5, []byte("eth0"))...)
	b = append(b, tlv(3, 0, []byte{0, 120})...)
	return append(b, 0, 0)
}

// cdp is an LLC/SNAP header (OUI 00000c, protocol 2000) and a CDPv2
// message with a device ID.
func cdp() []byte {
	msg := []byte{2, 180, 0, 0, 0, 1, 0, 10, 's', 'w', 'i', 't', 'c', 'h'}
	binary.BigEndian.PutUint16(msg[2:], checksum(msg))
	return append([]byte{0xaa, 0xaa, 0x03, 0, 0, 0x0c, 0x20, 0x00}, msg...)
}
