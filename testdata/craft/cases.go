package main

import (
	"encoding/binary"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

// ISNs of the crafted connections: fixed, and far apart so that a tracker
// mixing two connections up shows it at once.
const (
	isnClient = 0x10000000
	isnServer = 0x20000000
)

// clean is one 11-packet IPv4 conversation, the crafted twin of the real
// `clean` recording.
func clean() *trace {
	return scripted(func(_ *trace, c *conv) { c.full() })
}

// clean6 is the same over IPv6.
func clean6() *trace {
	tr := newTrace()
	tr.newConv(client6, server6, isnClient, isnServer).full()
	return tr
}

// interleaved is two conversations, an IPv4 one on interface 0 and an IPv6
// one on interface 1, their packets interleaved; the second is closed by
// the server.
func interleaved(tr *trace, a *conv) {
	b := tr.newConv(client6, server6, isnClient+0x01000000, isnServer+0x01000000)
	b.iface = 1
	a.handshake()
	b.handshake()
	a.exchange()
	b.exchange()
	a.closeBy(true)
	b.closeBy(false)
}

// ipv4Options: every packet's IPv4 header carries Router Alert (RFC 2113),
// a NOP and an empty Record Route (RFC 791), 16 option bytes, IHL 9.
func ipv4Options(tr *trace, c *conv) {
	c.ipv4Options = []layers.IPv4Option{
		{OptionType: 148, OptionLength: 4, OptionData: []byte{0, 0}},
		{OptionType: 1},
		{OptionType: 7, OptionLength: 11, OptionData: append([]byte{4}, make([]byte, 8)...)},
	}
	c.full()
}

// ipv6ExtHeaders: every packet carries a hop-by-hop and a destination
// options header (each 8 bytes, one PadN option) between IPv6 and TCP.
func ipv6ExtHeaders() *trace {
	tr := newTrace()
	c := tr.newConv(client6, server6, isnClient, isnServer)
	padN := []byte{1, 4, 0, 0, 0, 0}
	hopByHop := append([]byte{byte(layers.IPProtocolIPv6Destination), 0}, padN...)
	destination := append([]byte{byte(layers.IPProtocolTCP), 0}, padN...)
	c.ipv6Ext = append(hopByHop, destination...)
	c.ipv6ExtNext = layers.IPProtocolIPv6HopByHop
	c.full()
	return tr
}

// tcpOption builds one option with its kind, length and data.
func tcpOption(kind layers.TCPOptionKind, data ...byte) layers.TCPOption {
	return layers.TCPOption{OptionType: kind, OptionLength: uint8(2 + len(data)), OptionData: data}
}

// tcpOptions: every TCP option pcaplint decodes. The SYN asks for a Fast
// Open cookie (kind 34, empty), the SYN-ACK gives one (8 bytes); the first
// data segment carries an unknown kind 99 of length 4. The client's first
// segment is lost after the capture point: the server acknowledges the
// second with a SACK block, and the client retransmits the first.
func tcpOptions(tr *trace, c *conv) {
	c.synOptions = []layers.TCPOption{tcpOption(34)}
	c.synAckExtra = []layers.TCPOption{tcpOption(34, 0xc0, 0x0c, 0x1e, 0x5a, 0x11, 0x22, 0x33, 0x44)}
	c.handshake()

	lost := c.cli.nxt
	c.nextExtra = []layers.TCPOption{tcpOption(99, 0xbe, 0xef)}
	c.send(true, ack, pattern(100))
	c.send(true, psh|ack, pattern(100))
	sack := binary.BigEndian.AppendUint32(nil, lost+100)
	sack = binary.BigEndian.AppendUint32(sack, lost+200)
	nop := layers.TCPOption{OptionType: layers.TCPOptionKindNop}
	c.nextExtra = []layers.TCPOption{nop, nop, tcpOption(layers.TCPOptionKindSACK, sack...)}
	c.rewind(c.cli, lost, func() { c.send(false, ack, nil) })
	c.rewind(c.cli, lost, func() { c.send(true, ack, pattern(100)) })
	c.send(false, ack, nil)

	c.data(false, 18)
	c.closeBy(true)
}

// rewind runs f with h's next sequence number set back to seq, then
// restores it: for a retransmission, or an ACK that stops at a hole.
func (c *conv) rewind(h *host, seq uint32, f func()) {
	saved := h.nxt
	h.nxt = seq
	f()
	h.nxt = saved
}

// mixed: a clean TCP conversation with ARP, ICMP echo, a UDP query and
// answer, and a UDP datagram in two IPv4 fragments between its packets.
func mixed(tr *trace, c *conv) {
	other := func(fromCli bool, proto layers.EthernetType, l3 []byte) {
		tr.add(packet{l3: l3, proto: proto, fromCli: fromCli})
	}
	arp := func(op uint16, fromCli bool) []byte {
		src, dst := client4, server4
		if !fromCli {
			src, dst = dst, src
		}
		a := &layers.ARP{
			AddrType: layers.LinkTypeEthernet, Protocol: layers.EthernetTypeIPv4, HwAddressSize: 6, ProtAddressSize: 4,
			Operation: op, SourceHwAddress: src.mac, SourceProtAddress: src.ip,
			DstHwAddress: make([]byte, 6), DstProtAddress: dst.ip,
		}
		if op == layers.ARPReply {
			a.DstHwAddress = dst.mac
		}
		return serialize(a)
	}
	ipv4 := func(fromCli bool, proto layers.IPProtocol, id uint16) *layers.IPv4 {
		src, dst := client4.ip, server4.ip
		if !fromCli {
			src, dst = dst, src
		}
		return &layers.IPv4{Version: 4, TTL: 64, Id: id, Protocol: proto, SrcIP: src, DstIP: dst}
	}
	icmp := func(fromCli bool, typ uint8) []byte {
		ip := ipv4(fromCli, layers.IPProtocolICMPv4, 0x300)
		echo := &layers.ICMPv4{TypeCode: layers.CreateICMPv4TypeCode(typ, 0), Id: 7, Seq: 1}
		return serialize(ip, echo, gopacket.Payload(pattern(32)))
	}
	udp := func(fromCli bool, n int, id uint16) []byte {
		ip := ipv4(fromCli, layers.IPProtocolUDP, id)
		u := &layers.UDP{SrcPort: 53000, DstPort: 9} // discard: no dissector parses the pattern
		if !fromCli {
			u.SrcPort, u.DstPort = u.DstPort, u.SrcPort
		}
		u.SetNetworkLayerForChecksum(ip)
		return serialize(ip, u, gopacket.Payload(pattern(n)))
	}

	other(true, layers.EthernetTypeARP, arp(layers.ARPRequest, true))
	other(false, layers.EthernetTypeARP, arp(layers.ARPReply, false))
	c.handshake()
	other(true, layers.EthernetTypeIPv4, icmp(true, layers.ICMPv4TypeEchoRequest))
	other(false, layers.EthernetTypeIPv4, icmp(false, layers.ICMPv4TypeEchoReply))
	c.data(true, 7)
	other(true, layers.EthernetTypeIPv4, udp(true, 30, 0x400))
	other(false, layers.EthernetTypeIPv4, udp(false, 60, 0x401))
	c.data(false, 18)
	for _, f := range fragments(udp(false, 1192, 0x402), 1000) {
		other(false, layers.EthernetTypeIPv4, f)
	}
	c.closeBy(true)
}

// fragments splits a 20-byte-header IPv4 packet into two fragments, the
// first carrying first payload bytes (a multiple of 8).
func fragments(pkt []byte, first int) [][]byte {
	hdr, payload := pkt[:20], pkt[20:]
	frag := func(off int, data []byte, more bool) []byte {
		h := append([]byte(nil), hdr...)
		flags := uint16(off / 8)
		if more {
			flags |= 0x2000
		}
		binary.BigEndian.PutUint16(h[2:], uint16(20+len(data)))
		binary.BigEndian.PutUint16(h[6:], flags)
		binary.BigEndian.PutUint16(h[10:], 0)
		binary.BigEndian.PutUint16(h[10:], checksum(h))
		return append(h, data...)
	}
	return [][]byte{frag(0, payload[:first], true), frag(first, payload[first:], false)}
}

// checksum is the Internet checksum (RFC 1071) of the concatenated parts;
// every part but the last must have an even length.
func checksum(parts ...[]byte) uint16 {
	var sum uint32
	for _, b := range parts {
		for i := 0; i < len(b); i += 2 {
			w := uint32(b[i]) << 8
			if i+1 < len(b) {
				w |= uint32(b[i+1])
			}
			sum += w
		}
	}
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	return ^uint16(sum)
}

// portReuse: two complete connections on one 4-tuple, the second SYN two
// seconds after the first connection closed, with other ISNs.
func portReuse(tr *trace, c *conv) {
	c.full()
	tr.wait(2 * time.Second)
	c = tr.newConv(client4, server4, 0x50000000, 0x60000000)
	c.cli.tsval, c.srv.tsval = 3000, 7000 // the hosts' clocks went on
	c.full()
}

// seqWrap: both ISNs just below 2^32, 1000 bytes each way in 250-byte
// segments, so both sequence spaces wrap through zero.
func seqWrap(_ *trace, c *conv) {
	c.cli.nxt, c.srv.nxt = 0xFFFFFF00, 0xFFFFFC18
	c.handshake()
	for range 4 {
		c.data(true, 250)
	}
	for range 4 {
		c.data(false, 250)
	}
	c.closeBy(true)
}

// midstream: the capture starts inside an established connection. The
// first packet is data from the server (port 80); no SYN is ever seen.
func midstream() *trace {
	tr := newTrace()
	c := tr.newConv(client4.withPort(51001), server4, 0x30000000, 0x40000000)
	c.data(false, 1000)
	c.data(true, 100)
	c.data(false, 500)
	c.closeBy(true)
	return tr
}

// duplicated: every packet of tr twice, 10 µs apart, as `tcpdump -i any`
// sees a packet cross a bridge: out of interface 0 (ifindex 1), into
// interface 1 (ifindex 2).
func duplicated(tr *trace) *trace {
	pkts := make([]packet, 0, 2*len(tr.pkts))
	for _, p := range tr.pkts {
		in := p
		in.iface = 1
		in.t = p.t.Add(10 * time.Microsecond)
		pkts = append(pkts, p, in)
	}
	tr.pkts = pkts
	return tr
}
