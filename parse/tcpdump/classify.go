package tcpdump

import (
	"bytes"
	"net/netip"
)

// countOther counts a packet that holds no TCP segment by what its text
// says it is (docs/design/tcpdump-text.md#packets-without-a-tcp-segment):
// ARP, ICMP, UDP, a later IP fragment, another IP protocol, or a frame
// that is not IP.
func (r *Reader) countOther(pt *packetText) {
	s := &r.stats
	first := pt.line(0)
	if bytes.Contains(first, []byte("ARP, ")) || bytes.Contains(first, []byte("ethertype ARP")) {
		s.ARP++
		return
	}
	pairs := lastPair(pt)
	if !pairs.found {
		// tcpdump prints "IP bad-len 0" for an IPv4 total length it cannot
		// use (0 for a GSO or BIG TCP packet): a packet it could not
		// decode, so a malformed one here, not just another IP packet.
		if k := bytes.Index(first, []byte("IP bad-len ")); k >= 0 {
			s.Malformed++
			s.Reportf(r.textPos(pt, 0, k+4), "tcpdump could not decode the packet (%s): skipped", first[k+3:])
			return
		}
		if bytes.Contains(first, []byte("IP ")) || bytes.Contains(first, []byte("IP6 ")) || bytes.Contains(first, []byte("ethertype IPv")) {
			s.OtherIP++
		} else {
			if s.OtherLink == 0 {
				r.firstOtherLink = pt.first
			}
			s.OtherLink++
		}
		return
	}
	line := pt.line(pairs.last.line)
	after := line[pairs.last.colon+2:]
	switch {
	case pairs.icmp:
		s.ICMP++
	case hasAt(after, 0, "UDP"):
		s.UDP++
	case hasAt(after, 0, "ip-proto-6") && !hasDigitAt(after, len("ip-proto-6")),
		hasAt(after, 0, "tcp") && !hasAt(after, 0, "tcp "):
		// A later fragment of a TCP datagram: "ip-proto-6" with -n,
		// "tcp" from /etc/protocols without.
		s.Fragments++
	case hasPort(pairs.last.srcText(line)):
		s.UDP++
	default:
		s.OtherIP++
	}
}

// pairScan is what lastPair finds in a packet's text.
type pairScan struct {
	last  pair // the last "A > B: "
	found bool // whether there is one
	icmp  bool // some pair is followed by "ICMP"
}

// lastPair finds the last "A > B: " of a packet's text, which names the
// innermost packet of a tunnel, and whether any pair is followed by ICMP:
// an ICMP error quotes the header of the packet it is about after its own.
func lastPair(pt *packetText) pairScan {
	var s pairScan
	for li, n := 0, pt.protocolLines(); li < n; li++ {
		b := pt.line(li)
		if isHexLine(b) {
			continue
		}
		for k := nextColon(b, 0); k >= 0; k = nextColon(b, k+2) {
			if p, ok := pairAt(b, li, k); ok {
				s.last, s.found = p, true
				s.icmp = s.icmp || hasAt(b, k+2, "ICMP")
			}
		}
	}
	return s
}

func hasDigitAt(b []byte, i int) bool { return i < len(b) && isDigit(b[i]) }

// hasPort reports whether an endpoint text ends in a port: it is not an
// address by itself, and what follows its last '.' is a number or a
// service name.
func hasPort(b []byte) bool {
	if _, ok := parseIPv4(b); ok {
		return false
	}
	if bytes.IndexByte(b, ':') >= 0 {
		if _, err := netip.ParseAddr(string(b)); err == nil {
			return false
		}
	}
	k := bytes.LastIndexByte(b, '.')
	if k < 0 {
		return false
	}
	_, err := portNumber(b[k+1:])
	return err == nil
}

// nameUndecodedLink names, at the end of the input, the link type of a log
// in which tcpdump printed none of the packets as IP or ARP (a link type
// its build or this reader cannot take apart, such as a Juniper or an
// unknown DLT): those packets could not be read, which is not the same as
// a capture without TCP. The banner names the link type; without one, or
// for a link type whose frames pcaplint knows (an Ethernet log of STP
// alone has no TCP, and is said to have none), the packets stay counted
// as other link-layer frames.
func (r *Reader) nameUndecodedLink() {
	s := &r.stats
	if _, decoded := linkHeaderLen[r.linkName]; decoded || r.linkName == "" || s.UndecodedLink > 0 || s.OtherLink == 0 ||
		s.TCP+s.UDP+s.ICMP+s.ARP+s.OtherIP+s.Fragments+s.Malformed > 0 {
		return
	}
	s.UndecodedLink, s.UndecodedLinkType = s.OtherLink, r.linkName
	s.Reportf(r.pos(r.firstOtherLink, 1), "link type %s: tcpdump printed none of its %d packets as IP, so none could be read", r.linkName, s.OtherLink)
}
