package tcpdump

import (
	"bytes"
	"net/netip"
)

// countOther counts a record that holds no TCP segment by what it is
// (§10): ARP, ICMP, UDP, a later IP fragment, another IP protocol, or a
// frame that is not IP.
func (r *Reader) countOther(rec *record) {
	s := &r.stats
	first := rec.line(0)
	if bytes.Contains(first, []byte("ARP, ")) || bytes.Contains(first, []byte("ethertype ARP")) {
		s.ARP++
		return
	}
	last := rec.count() - 1
	li, src, srcEnd, _, colon, ok := firstPair(rec, last, len(rec.line(last)))
	if !ok {
		if bytes.Contains(first, []byte("IP ")) || bytes.Contains(first, []byte("IP6 ")) || bytes.Contains(first, []byte("ethertype IPv")) {
			s.OtherIP++
		} else {
			s.OtherLink++
		}
		return
	}
	line := rec.line(li)
	after := line[colon+2:]
	switch {
	case hasAt(after, 0, "ICMP"):
		s.ICMP++
	case hasAt(after, 0, "UDP"):
		s.UDP++
	case hasAt(after, 0, "ip-proto-6") && !hasDigitAt(after, len("ip-proto-6")),
		hasAt(after, 0, "tcp") && !hasAt(after, 0, "tcp "):
		// A later fragment of a TCP datagram: "ip-proto-6" with -n,
		// "tcp" from /etc/protocols without.
		s.Fragments++
	case hasPort(line[src:srcEnd]):
		s.UDP++
	default:
		s.OtherIP++
	}
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
