package tcpdump

import "bytes"

// anchorKind is the form of the TCP text after "SRC > DST: ".
type anchorKind uint8

const (
	anchorFull        anchorKind = iota // "Flags [": the normal form
	anchorQuiet                         // "tcp N": -q
	anchorShortHeader                   // " tcp N [bad hdr length N - too short, < 20]"
	anchorTruncated                     // "[|tcp]": the capture ended before the flags
)

// pair is where one "SRC > DST: " stands in a packet's text: the line it
// is on and, as offsets into that line, where each endpoint text starts
// and ends (DST ends at the ':').
type pair struct {
	line   int // index of the line within the packet's text
	src    int
	srcEnd int
	dst    int
	colon  int // the ':' after DST
}

// srcText and dstText are the endpoint texts of the pair in its line b.
func (p pair) srcText(b []byte) []byte { return b[p.src:p.srcEnd] }
func (p pair) dstText(b []byte) []byte { return b[p.dst:p.colon] }

// anchor locates the TCP part of a packet's text: "SRC > DST: " followed by one
// of the TCP forms.
type anchor struct {
	pair
	kind      anchorKind
	portsOnly bool // no '.' in SRC: tcpdump printed ports only (docs/design/tcpdump-text.md#ipv4-and-ipv6-headers)
}

// lineError is a parse error on one line of a packet's text.
type lineError struct {
	line int // index of the line within the packet's text
	err  *parseError
}

// bodyKind tells whether the text after "…: " starts a TCP part.
func bodyKind(b []byte) (anchorKind, bool) {
	switch {
	case hasAt(b, 0, "Flags ["):
		return anchorFull, true
	case hasAt(b, 0, "tcp ") && len(b) > 4 && isDigit(b[4]):
		return anchorQuiet, true
	case hasAt(b, 0, " tcp ") && bytes.Contains(b, []byte("[bad hdr length")):
		return anchorShortHeader, true
	case hasAt(b, 0, "[|tcp]"), hasAt(b, 0, " [|tcp]"):
		return anchorTruncated, true
	}
	return 0, false
}

// nextColon returns the offset of the next ": " at or after off, or -1.
func nextColon(b []byte, off int) int {
	if off > len(b) {
		return -1
	}
	k := bytes.Index(b[off:], []byte(": "))
	if k < 0 {
		return -1
	}
	return off + k
}

// pairAt checks that the ':' at colon of line li, b, ends "SRC > DST"
// and returns where both texts are. An endpoint text has no spaces.
func pairAt(b []byte, li, colon int) (pair, bool) {
	dst := bytes.LastIndexByte(b[:colon], ' ') + 1
	if dst == colon || dst < 4 || string(b[dst-3:dst]) != " > " {
		return pair{}, false
	}
	srcEnd := dst - 3
	src := bytes.LastIndexByte(b[:srcEnd], ' ') + 1
	if src == srcEnd {
		return pair{}, false
	}
	return pair{line: li, src: src, srcEnd: srcEnd, dst: dst, colon: colon}, true
}

// isHexLine reports a -x/-X dump line: TAB, then "0x" and an offset.
func isHexLine(line []byte) bool { return hasAt(line, 0, "\t0x") }

// findAnchor returns the last TCP anchor in the packet's text
// (docs/design/tcpdump-text.md#finding-the-tcp-part: in a tunnel
// the TCP segment is the last "ENDPOINT > ENDPOINT: Flags [" match) and, when
// there is none, broken.err when some ": Flags [" was not preceded by
// endpoints, which is a TCP line that does not parse.
//
// The -A dump, from the first continuation line at column 0 on, is
// payload, which can look like anything (protocolLines).
func findAnchor(pt *packetText) (a anchor, found bool, broken lineError) {
	for li, n := 0, pt.protocolLines(); li < n; li++ {
		b := pt.line(li)
		if isHexLine(b) {
			continue
		}
		for k := nextColon(b, pt.textAt(li)); k >= 0; k = nextColon(b, k+2) {
			kind, ok := bodyKind(b[k+2:])
			if !ok {
				continue
			}
			p, ok := pairAt(b, li, k)
			if !ok {
				if kind == anchorFull && !found {
					broken = lineError{line: li, err: errAt(k, `expected "SRC > DST" before ": Flags ["`)}
				}
				continue
			}
			a = anchor{pair: p, kind: kind}
			found = true
		}
	}
	if found {
		a.portsOnly = bytes.IndexByte(a.srcText(pt.line(a.line)), '.') < 0
	}
	return a, found, broken
}

// firstPair finds the first "A > B: " in the packet's text before the
// anchor: the outer header of a tunnel, the IPv6 addresses before an
// extension header, or the IP endpoints of a non-TCP packet. Link-layer "MAC > MAC, " pairs
// are not followed by ':' and do not count.
func firstPair(pt *packetText, before anchor) (pair, bool) {
	for li := 0; li <= before.line && li < pt.count(); li++ {
		b := pt.line(li)
		if isHexLine(b) {
			continue
		}
		if li == before.line {
			b = b[:before.src]
		}
		for k := nextColon(b, pt.textAt(li)); k >= 0; k = nextColon(b, k+2) {
			if p, ok := pairAt(b, li, k); ok {
				return p, true
			}
		}
	}
	return pair{}, false
}
