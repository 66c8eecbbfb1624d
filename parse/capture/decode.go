package capture

import (
	"encoding/binary"
	"fmt"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// verdict is what decoding made of one packet.
type verdict uint8

const (
	isTCP verdict = iota
	isUDP
	isICMP
	isARP
	isOtherIP
	isOtherLink
	isUnknownLink // a link type the decoder does not know
	isFragment
	isMalformed
)

// maxEncapsulation bounds nested tunnels, so that a packet crafted to nest
// forever ends as a malformed packet.
const maxEncapsulation = 8

// decoder decodes packets into preallocated gopacket layers: one packet at a
// time, nothing allocated on the way for well-formed TCP.
type decoder struct {
	eth   layers.Ethernet
	dot1q layers.Dot1Q
	sll   layers.LinuxSLL
	sll2  LinuxSLL2
	ip4   layers.IPv4
	ip6   layers.IPv6
	ext   layers.IPv6ExtensionSkipper
	tcp   layers.TCP
	udp   layers.UDP
	gre   layers.GRE
	vxlan layers.VXLAN

	// problem explains a malformed verdict; it is built only then.
	problem string
	// uncaptured is how many bytes of the packet the snapshot length cut
	// off: an IP header that leaves its length to the capture (GSO, BIG
	// TCP) is that much longer than what is in the file.
	uncaptured int
	// checksums turns on checksum verification.
	checksums bool
}

var noFeedback = gopacket.NilDecodeFeedback

func (d *decoder) malformed(format string, args ...any) verdict {
	d.problem = fmt.Sprintf(format, args...)
	return isMalformed
}

// decode fills seg from one record. seg's time, interface and position
// are set by the caller.
func (d *decoder) decode(rec *record, seg *tcp.Segment) (v verdict) {
	d.problem = ""
	// The original length is the file's word: bound it as a record's.
	d.uncaptured = min(max(rec.OrigLen-len(rec.Data), 0), maxRecordLen)
	// gopacket's layers are third-party code reading hostile bytes; a bug
	// there must cost one malformed packet, not the run.
	defer func() {
		if r := recover(); r != nil {
			v = d.malformed("decoder failed: %v", r)
		}
	}()
	proto, payload, v := d.link(rec, seg)
	if v != isTCP {
		return v
	}
	return d.network(proto, payload, seg)
}

// link strips the link-layer header and returns the ethertype of what
// follows.
func (d *decoder) link(rec *record, seg *tcp.Segment) (layers.EthernetType, []byte, verdict) {
	data := rec.Data
	switch rec.LinkType {
	case linkEthernet:
		if err := d.eth.DecodeFromBytes(data, noFeedback); err != nil {
			return 0, nil, d.malformed("Ethernet header: %v", err)
		}
		return d.vlans(d.eth.EthernetType, d.eth.Payload)
	case linkLinuxSLL:
		// gopacket slices the address by its length field unchecked.
		if len(data) >= 6 && binary.BigEndian.Uint16(data[4:6]) > 8 {
			return 0, nil, d.malformed("Linux SLL header: address length %d exceeds 8", binary.BigEndian.Uint16(data[4:6]))
		}
		if err := d.sll.DecodeFromBytes(data, noFeedback); err != nil {
			return 0, nil, d.malformed("Linux SLL header: %v", err)
		}
		seg.Dir = sllDirection(d.sll.PacketType)
		return d.vlans(d.sll.EthernetType, d.sll.Payload)
	case linkLinuxSLL2:
		if err := d.sll2.DecodeFromBytes(data, noFeedback); err != nil {
			return 0, nil, d.malformed("%v", err)
		}
		seg.Dir = sllDirection(d.sll2.PacketType)
		seg.Interface = int32(d.sll2.InterfaceIndex)
		return d.vlans(d.sll2.Protocol, d.sll2.Payload)
	case linkNull, linkLoop:
		if len(data) < 4 {
			return 0, nil, d.malformed("loopback header needs 4 bytes, have %d", len(data))
		}
		return loopbackFamily(data[:4], rec.LinkType == linkLoop), data[4:], isTCP
	case linkRaw, linkRawOld1, linkRawOld2, linkIPv4, linkIPv6:
		return ipVersion(data), data, isTCP
	}
	return 0, nil, isUnknownLink
}

// vlans skips 802.1Q and 802.1ad (QinQ) tags.
func (d *decoder) vlans(typ layers.EthernetType, payload []byte) (layers.EthernetType, []byte, verdict) {
	for i := 0; typ == layers.EthernetTypeDot1Q || typ == layers.EthernetTypeQinQ || typ == 0x9100; i++ {
		if i == maxEncapsulation {
			return 0, nil, d.malformed("more than %d VLAN tags", maxEncapsulation)
		}
		if err := d.dot1q.DecodeFromBytes(payload, noFeedback); err != nil {
			return 0, nil, d.malformed("802.1Q tag: %v", err)
		}
		typ, payload = d.dot1q.Type, d.dot1q.Payload
	}
	return typ, payload, isTCP
}

func sllDirection(t layers.LinuxSLLPacketType) tcp.Direction {
	switch t {
	case layers.LinuxSLLPacketTypeHost:
		return tcp.DirIn
	case layers.LinuxSLLPacketTypeOutgoing:
		return tcp.DirOut
	case layers.LinuxSLLPacketTypeBroadcast:
		return tcp.DirBroadcast
	case layers.LinuxSLLPacketTypeMulticast:
		return tcp.DirMulticast
	case layers.LinuxSLLPacketTypeOtherhost:
		return tcp.DirOther
	}
	return tcp.DirUnknown
}

// loopbackFamily maps a BSD loopback address family to an ethertype. NULL
// stores it in the capturing host's byte order, so both are tried.
func loopbackFamily(b []byte, network bool) layers.EthernetType {
	fam := binary.BigEndian.Uint32(b)
	if !network && fam > 0xffff {
		fam = binary.LittleEndian.Uint32(b)
	}
	switch fam {
	case 2:
		return layers.EthernetTypeIPv4
	case 10, 24, 28, 30: // AF_INET6 on Linux, NetBSD/OpenBSD, FreeBSD, macOS
		return layers.EthernetTypeIPv6
	}
	return 0
}

// ipVersion picks IPv4 or IPv6 from the version nibble of a raw IP packet.
func ipVersion(b []byte) layers.EthernetType {
	if len(b) == 0 {
		return 0
	}
	switch b[0] >> 4 {
	case 4:
		return layers.EthernetTypeIPv4
	case 6:
		return layers.EthernetTypeIPv6
	}
	return 0
}
