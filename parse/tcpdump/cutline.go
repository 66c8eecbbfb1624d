package tcpdump

import "bytes"

// A log whose writer was killed in the middle of a line, or that was cut
// by size, ends a packet line anywhere. Cut inside the TCP part, the line
// fails the TCP grammar (tcpline.go); cut inside the IP part, before
// "SRC > DST: Flags [", nothing anchors it as TCP, and it would be
// counted as another IP packet or, with its ports, as UDP. cutLine finds
// such a line instead, so that it is reported as malformed where it ends.

// cutLine reports a packet's text that ends inside its IP part: the line
// (the last of its protocol text) and the error, at the line's end; nil
// when the text does not end so.
func cutLine(pt *packetText) (int, *parseError) {
	li := pt.protocolLines() - 1
	b := pt.line(li)
	at := ipTextAt(pt, li)
	if at < 0 {
		return 0, nil
	}
	rest := b[at:]
	if len(rest) > 0 && rest[0] == '(' {
		end := closingParen(rest)
		switch {
		case end < 0:
			return li, errAt(len(b), "line cut short inside the IP header")
		case end == len(rest) && bytes.Contains(rest, []byte("proto TCP (6)")):
			// IPv4 -v: the TCP part follows on a line of its own.
			return li, errAt(len(b), "line cut short: the TCP part after the IP header is missing")
		case end == len(rest) || rest[end] != ' ':
			return 0, nil
		}
		rest = rest[end+1:] // IPv6 -v: the endpoints follow on the line
	}
	if cutInPair(rest) || cutAfterPair(rest) {
		return li, errAt(len(b), `line cut short inside the IP part: expected "SRC > DST: " and the protocol's text, found `+quote(rest))
	}
	return 0, nil
}

// ipTextAt is where the IP text starts on the i-th line of the packet's
// text: after "IP " or "IP6 " on the first line, after the link header's
// "ethertype IPv4 (0x0800), length N: " with -e, and at the indent of the
// line after an IPv4 -v header; -1 when the line holds none of these.
func ipTextAt(pt *packetText, li int) int {
	b := pt.line(li)
	if li > 0 {
		if hasAt(b, 0, "    ") && bytes.Contains(pt.line(li-1), []byte("(tos ")) {
			return 4
		}
		return -1
	}
	c := cursor{b: b, i: pt.textAt(0)}
	switch {
	case c.lit("IP6"), c.lit("IP"):
		if c.done() || c.lit(" ") {
			return c.i
		}
		return -1
	}
	k := max(bytes.LastIndex(b, []byte("ethertype IPv4 (0x0800), ")), bytes.LastIndex(b, []byte("ethertype IPv6 (0x86dd), ")))
	if k < 0 {
		return -1
	}
	c.i = k + len("ethertype IPv4 (0x0800), ")
	if start := c.i; c.lit("length ") {
		if _, ok := c.uint(1<<32 - 1); !ok || !c.lit(": ") {
			c.i = start
		}
	}
	return c.i
}

// closingParen returns the offset just past the ")" that closes the "("
// b starts with, or -1 when b ends first.
func closingParen(b []byte) int {
	depth := 0
	for i, ch := range b {
		switch ch {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}

// cutInPair reports the forms a line cut inside "SRC > DST: " leaves:
// nothing, "SRC" or part of it, "SRC ", "SRC >", "SRC > ", "SRC > DST" or
// part of it, "SRC > DST:".
func cutInPair(b []byte) bool {
	n := endpointLen(b)
	if n == len(b) {
		return true
	}
	if n == 0 {
		return false
	}
	b = b[n:]
	for _, ch := range []byte(" > ") {
		if len(b) == 0 {
			return true
		}
		if b[0] != ch {
			return false
		}
		b = b[1:]
	}
	return endpointLen(b) == len(b) // DST, cut or whole, and its ':'
}

// cutAfterPair reports "SRC > DST: " followed by nothing or by part of
// "Flags [": a TCP line cut before its flags.
func cutAfterPair(b []byte) bool {
	k := bytes.Index(b, []byte(": "))
	if k < 0 || !cutInPair(b[:k+1]) {
		return false
	}
	rest := b[k+2:]
	return len(rest) < len("Flags [") && hasAt([]byte("Flags ["), 0, string(rest))
}

// endpointLen is the length of the endpoint text b starts with: an
// address or a host name, a port or a service name, joined by '.'; IPv6
// addresses bring ':' and a zone's '%'.
func endpointLen(b []byte) int {
	n := 0
	for n < len(b) && (isNameByte(b[n]) || b[n] == ':' || b[n] == '%') {
		n++
	}
	return n
}
