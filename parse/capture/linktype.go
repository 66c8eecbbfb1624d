package capture

import "strconv"

// linkType is a LINKTYPE_ value from a capture file header or interface
// block. gopacket's layers.LinkType is 8 bits wide and cannot hold the
// newer ones, such as LINUX_SLL2 (276).
type linkType uint32

// The link types the decoder understands
// (https://www.tcpdump.org/linktypes.html).
const (
	linkNull      linkType = 0   // BSD loopback, address family in host byte order
	linkEthernet  linkType = 1   // EN10MB
	linkRawOld1   linkType = 12  // DLT_RAW on some BSDs
	linkRawOld2   linkType = 14  // DLT_RAW on OpenBSD
	linkRaw       linkType = 101 // raw IPv4 or IPv6
	linkLoop      linkType = 108 // OpenBSD loopback, address family in network byte order
	linkLinuxSLL  linkType = 113
	linkIPv4      linkType = 228
	linkIPv6      linkType = 229
	linkLinuxSLL2 linkType = 276
)

// String names the link type as libpcap does.
func (l linkType) String() string {
	switch l {
	case linkNull:
		return "NULL"
	case linkEthernet:
		return "EN10MB"
	case linkRaw, linkRawOld1, linkRawOld2:
		return "RAW"
	case linkLoop:
		return "LOOP"
	case linkLinuxSLL:
		return "LINUX_SLL"
	case linkIPv4:
		return "IPV4"
	case linkIPv6:
		return "IPV6"
	case linkLinuxSLL2:
		return "LINUX_SLL2"
	}
	return "link type " + strconv.Itoa(int(l))
}
