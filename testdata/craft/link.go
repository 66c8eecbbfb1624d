package main

import (
	"encoding/binary"
	"net"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

// framer puts a packet into the frames of one link type.
type framer struct {
	link  uint32 // a LINKTYPE_ value: gopacket's LinkType is a byte
	frame func(p packet) []byte
}

// linkTypeLinuxSLL2 is LINKTYPE_LINUX_SLL2, too big for gopacket's LinkType.
const linkTypeLinuxSLL2 = 276

// macs returns the source and destination MAC of p.
func macs(p packet) (src, dst net.HardwareAddr) {
	if p.fromCli {
		return macClient, macServer
	}
	return macServer, macClient
}

// ethernetHeader is the 14-byte header, optionally followed by VLAN tags
// (outermost first: an 802.1ad S-tag, then 802.1Q C-tags).
func ethernetHeader(p packet, vlans ...uint16) []gopacket.SerializableLayer {
	src, dst := macs(p)
	eth := &layers.Ethernet{SrcMAC: src, DstMAC: dst, EthernetType: p.proto}
	ls := []gopacket.SerializableLayer{eth}
	if len(vlans) == 0 {
		return ls
	}
	eth.EthernetType = layers.EthernetTypeDot1Q
	if len(vlans) > 1 {
		eth.EthernetType = layers.EthernetTypeQinQ
	}
	for i, id := range vlans {
		tag := &layers.Dot1Q{VLANIdentifier: id, Type: layers.EthernetTypeDot1Q}
		if i == len(vlans)-1 {
			tag.Type = p.proto
		}
		ls = append(ls, tag)
	}
	return ls
}

// ethernet frames packets in Ethernet II, with VLAN tags if given.
func ethernet(vlans ...uint16) framer {
	return framer{uint32(layers.LinkTypeEthernet), func(p packet) []byte {
		return serialize(append(ethernetHeader(p, vlans...), gopacket.Payload(p.l3))...)
	}}
}

// Linux packet types (if_packet.h) for the cooked headers.
const (
	packetHost     = 0
	packetOutgoing = 4
)

// pktType is what an SLL header says of p on the capturing host, which is
// the server: the client's packets come in, the server's go out.
func pktType(p packet) uint16 {
	if p.fromCli {
		return packetHost
	}
	return packetOutgoing
}

// ethP8022 is ETH_P_802_2 (if_ether.h): the protocol a cooked header
// gives an 802.3 frame carrying LLC.
const ethP8022 = 0x0004

// cookedProto is the protocol field of a cooked header for p: its
// ethertype, or ETH_P_802_2 for an LLC frame, whose "ethertype" is a
// length.
func cookedProto(p packet) uint16 {
	if p.proto < 0x600 {
		return ethP8022
	}
	return uint16(p.proto)
}

// cycledPktType is a packet type per packet for the cooked headers that
// show every direction tcpdump prints: the client's packets come in as
// to this host, broadcast, multicast and to another host in turn
// ("In", "B", "M", "P"); the server's go out.
func cycledPktType() func(p packet) uint16 {
	n := 0
	return func(p packet) uint16 {
		if !p.fromCli {
			return packetOutgoing
		}
		n++
		return uint16((n - 1) % 4) // PACKET_HOST, _BROADCAST, _MULTICAST, _OTHERHOST
	}
}

// sll frames packets in the 16-byte Linux cooked header v1 (LINKTYPE_LINUX_SLL):
// packet type, ARPHRD type, address length, 8 address bytes, protocol.
func sll() framer { return sllTyped(pktType) }

// sllTyped is sll with the packet type of each packet from typ.
func sllTyped(typ func(p packet) uint16) framer {
	return framer{uint32(layers.LinkTypeLinuxSLL), func(p packet) []byte {
		src, _ := macs(p)
		h := make([]byte, 16, 16+len(p.l3))
		binary.BigEndian.PutUint16(h[0:], typ(p))
		binary.BigEndian.PutUint16(h[2:], 1) // ARPHRD_ETHER
		binary.BigEndian.PutUint16(h[4:], 6)
		copy(h[6:14], src)
		binary.BigEndian.PutUint16(h[14:], cookedProto(p))
		return append(h, p.l3...)
	}}
}

// sll2 frames packets in the 20-byte Linux cooked header v2
// (LINKTYPE_LINUX_SLL2): protocol, reserved, interface index, ARPHRD type,
// packet type, address length, 8 address bytes. ifindex picks the
// interface index and packet type per packet.
func sll2(ifindex func(p packet) (index uint32, pkttype uint8)) framer {
	return framer{linkTypeLinuxSLL2, func(p packet) []byte {
		src, _ := macs(p)
		index, typ := ifindex(p)
		h := make([]byte, 20, 20+len(p.l3))
		binary.BigEndian.PutUint16(h[0:], cookedProto(p))
		binary.BigEndian.PutUint32(h[4:], index)
		binary.BigEndian.PutUint16(h[8:], 1) // ARPHRD_ETHER
		h[10] = typ
		h[11] = 6
		copy(h[12:20], src)
		return append(h, p.l3...)
	}}
}

// raw frames packets as bare IP (LINKTYPE_RAW).
func raw() framer {
	return framer{uint32(layers.LinkTypeRaw), func(p packet) []byte { return p.l3 }}
}

// Address families of the BSD loopback header: AF_INET is the same on
// every BSD and Linux; AF_INET6 is 24 on NetBSD and OpenBSD, 28 on
// FreeBSD, 30 on macOS.
const (
	afInet        = 2
	afInet6BSD    = 24
	afInet6Darwin = 30
)

// null frames IPv4 packets in BSD loopback encapsulation: a 4-byte address
// family in the capturing host's byte order (little-endian here, as the
// file header is).
func null() framer { return nullFamily(afInet) }

// nullFamily is null with the address family af, for IPv6.
func nullFamily(af uint32) framer {
	return framer{uint32(layers.LinkTypeNull), func(p packet) []byte {
		return append(binary.LittleEndian.AppendUint32(nil, af), p.l3...)
	}}
}

// LINKTYPE_IPV4 and LINKTYPE_IPV6: bare IP of one version, too big for
// gopacket's LinkType.
const (
	linkTypeIPv4 = 228
	linkTypeIPv6 = 229
)

// bareIP frames packets as bare IP under the link type given.
func bareIP(link uint32) framer {
	return framer{link, func(p packet) []byte { return p.l3 }}
}

// loop is OpenBSD's loopback: the address family in network byte order.
func loop() framer {
	return framer{uint32(layers.LinkTypeLoop), func(p packet) []byte {
		return append(binary.BigEndian.AppendUint32(nil, afInet), p.l3...)
	}}
}

// Tunnel endpoints: the outer addresses of every tunnel file.
var (
	tunnelA = net.IPv4(203, 0, 113, 1).To4()
	tunnelB = net.IPv4(203, 0, 113, 2).To4()
)

// outerIPv4 is the tunnel's IPv4 header, in the packet's direction.
func outerIPv4(p packet, proto layers.IPProtocol, depth int) *layers.IPv4 {
	src, dst := tunnelA, tunnelB
	if !p.fromCli {
		src, dst = dst, src
	}
	// Each nesting level gets its own addresses: 203.0.113.1 -> .11 -> .21.
	src = net.IPv4(src[0], src[1], src[2], src[3]+byte(10*depth)).To4()
	dst = net.IPv4(dst[0], dst[1], dst[2], dst[3]+byte(10*depth)).To4()
	return &layers.IPv4{Version: 4, TTL: 64, Protocol: proto, SrcIP: src, DstIP: dst}
}

// ipip wraps IPv4 packets in depth outer IPv4 headers (protocol 4), in
// Ethernet.
func ipip(depth int) framer {
	eth := ethernet()
	return framer{eth.link, func(p packet) []byte {
		for i := range depth {
			p.l3 = serialize(outerIPv4(p, layers.IPProtocolIPv4, depth-1-i), gopacket.Payload(p.l3))
		}
		return eth.frame(p)
	}}
}

// gre wraps packets in IPv4/GRE (RFC 2784, no optional fields), in Ethernet.
func gre() framer {
	return framer{uint32(layers.LinkTypeEthernet), func(p packet) []byte {
		outer := packet{proto: layers.EthernetTypeIPv4, fromCli: p.fromCli}
		outer.l3 = serialize(outerIPv4(p, layers.IPProtocolGRE, 0), &layers.GRE{Protocol: p.proto}, gopacket.Payload(p.l3))
		return ethernet().frame(outer)
	}}
}

// udpTunnel wraps each packet's Ethernet frame in a UDP tunnel header made
// by header, in IPv4/UDP to port dport, in Ethernet.
func udpTunnel(dport uint16, header []byte) framer {
	inner := ethernet()
	return framer{uint32(layers.LinkTypeEthernet), func(p packet) []byte {
		ip := outerIPv4(p, layers.IPProtocolUDP, 0)
		udp := &layers.UDP{SrcPort: 50123, DstPort: layers.UDPPort(dport)}
		udp.SetNetworkLayerForChecksum(ip)
		payload := append(append([]byte{}, header...), inner.frame(p)...)
		outer := packet{proto: layers.EthernetTypeIPv4, fromCli: p.fromCli}
		outer.l3 = serialize(ip, udp, gopacket.Payload(payload))
		return inner.frame(outer)
	}}
}

// vxlan: RFC 7348, flags I (VNI valid), VNI 42.
func vxlan() framer {
	return udpTunnel(4789, []byte{0x08, 0, 0, 0, 0, 0, 42, 0})
}

// geneve: RFC 8926, version 0, no options, protocol Transparent Ethernet
// Bridging (0x6558), VNI 42.
func geneve() framer {
	return udpTunnel(6081, []byte{0, 0, 0x65, 0x58, 0, 0, 42, 0})
}
