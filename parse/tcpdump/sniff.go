package tcpdump

import "bytes"

// Sniff reports whether prefix, the first bytes of an input, looks like
// tcpdump text: no binary bytes, and among its first lines a tcpdump
// banner or a packet line ("SRC > DST: " after a timestamp, a packet
// number or a protocol name). A last line cut off by the end of prefix
// still counts.
func Sniff(prefix []byte) bool {
	for lines := 0; len(prefix) > 0 && lines < 20; lines++ {
		line := prefix
		if k := bytes.IndexByte(prefix, '\n'); k >= 0 {
			line, prefix = prefix[:k], prefix[k+1:]
		} else {
			prefix = nil
		}
		line = trimEOL(line)
		switch {
		case isBinary(line):
			return false
		case len(bytes.TrimSpace(line)) == 0:
			continue
		case hasAt(line, 0, "reading from file "), hasAt(line, 0, "listening on "),
			hasAt(line, 0, "tcpdump: listening on "), hasAt(line, 0, "tcpdump: verbose output suppressed"):
			return true
		case looksLikePacket(line):
			return true
		}
	}
	return false
}

// looksLikePacket reports a first line of a record: a number or a
// timestamp, or a protocol name at column 0, and "A > B" later on.
func looksLikePacket(line []byte) bool {
	if !bytes.Contains(line, []byte(" > ")) {
		// With -v an IPv4 header comes first; the endpoints follow on a
		// continuation line.
		return isRecordStart(line) && bytes.Contains(line, []byte("IP (tos "))
	}
	if isRecordStart(line) {
		return true
	}
	for _, p := range [...]string{"IP ", "IP6 ", "ARP, "} {
		if hasAt(line, 0, p) {
			return true
		}
	}
	var p prefix
	c := cursor{b: line}
	scanInterface(&c, &p)
	return p.hasIface()
}
