package tcpdump

import (
	"bytes"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// Verdict is what the first bytes of an input say about it.
type Verdict uint8

const (
	// Undecided: nothing seen so far settles it; more of the input would.
	Undecided Verdict = iota
	// IsText: tcpdump printed this.
	IsText
	// NotText: binary data, or text of another kind.
	NotText
)

// ForeignLines is how many lines that tcpdump does not print may come
// before its first line (or banner) before the input is refused as other
// text: a log cut in the middle of a packet's text, or with a few lines of a
// shell session above the output, is still read.
const ForeignLines = 100

// Sniff reports whether prefix, the first bytes of an input, looks like
// tcpdump text: SniffPrefix with prefix taken as all there is.
func Sniff(prefix []byte) bool { return SniffPrefix(prefix, true) == IsText }

// SniffPrefix says whether prefix, the first bytes of an input, is
// tcpdump text. The first line tcpdump prints, of any kind — a banner, or
// a packet line of TCP, ARP, STP, LLDP, ICMPv6, UDP, … with any prefix
// (number, timestamp, interface, -e link header) — decides it; a line of
// binary data, or ForeignLines lines of other text before any (JobLogLines
// in a CI job's log, whose lines may carry a terminal's colours), refuse
// it.
// Without either, the verdict is Undecided: the caller may look further
// (a busy interface's log may start with many lines of other protocols;
// each is recognised on its own, so the look-ahead it takes is one line).
// When complete is set, prefix is all there is, a last line cut off by its
// end counts, and an input that is still undecided is refused.
func SniffPrefix(prefix []byte, complete bool) Verdict {
	foreign, job := 0, true
	prefix = bytes.TrimPrefix(prefix, []byte(bom))
	for len(prefix) > 0 {
		line := prefix
		if k := bytes.IndexByte(prefix, '\n'); k >= 0 {
			line, prefix = prefix[:k], prefix[k+1:]
		} else if complete {
			prefix = nil
		} else if isBinary(line) && !(job && isColouredJobLine(line)) {
			return NotText
		} else {
			break // a cut-off line of text: wait for the rest of it
		}
		line = trimEOL(line)
		switch {
		case isBinary(line) && !(job && isColouredJobLine(line)):
			return NotText
		case isBlank(line):
			continue
		case isTcpdumpMessage(line), isPacketLine(line):
			return IsText
		}
		job = job && isJobLine(line)
		if foreign++; foreign >= ForeignLines && (!job || foreign >= JobLogLines) {
			return NotText
		}
	}
	if complete {
		return NotText
	}
	return Undecided
}

// isColouredJobLine reports a line of a CI job's log whose only bytes
// tcpdump never prints are a terminal's (a build's colours, GitLab's
// section markers): other text, not binary data.
func isColouredJobLine(line []byte) bool {
	return isJobLine(line) && onlyTerminalControls(line)
}

// isTcpdumpMessage matches what tcpdump writes to stderr around the
// packets (docs/design/tcpdump-text.md#banners-and-trailers): the file or
// interface read, and its own messages.
func isTcpdumpMessage(line []byte) bool {
	return hasAt(line, 0, "reading from file ") || hasAt(line, 0, "listening on ") ||
		hasAt(line, 0, "tcpdump: ")
}

// protocolLeads start the text tcpdump prints for a frame after the
// prefix: the network or link protocol's name (print-ether.c, print-llc.c
// and the protocol printers), or with -e the link-layer header — NULL/LOOP
// "AF IPv4 (2), ", raw IP "ip: ", a cooked header's "ethertype …" or
// "802.2"/"802.3" after the address.
var protocolLeads = [...]string{
	"IP ", "IP6 ", "ARP, ", "RARP, ", "STP ", "LLDP, ", "CDPv", "EAPOL ", "LLC, ",
	"LACPv", "MPLS ", "PPPoE ", "IPX ", "PTPv", "vlan ", "ethertype ", "802.1Q",
	"802.2, ", "802.3, ", "AF ", "ip: ", "Loopback, ", "MACsec",
}

// isPacketLine reports a first line of a packet's text of any protocol: a
// prefix tcpdump prints (a packet number, a timestamp as tcpdump formats
// it, an interface and direction) or a protocol lead, and text of the form
// tcpdump's printers use ("A > B", ", length N", ", len N"). A lead with
// a prefix is enough: "EAPOL start (1) v1" has neither.
func isPacketLine(line []byte) bool {
	c := cursor{b: line}
	var p prefix
	scanPrefix(&c, &p)
	prefixed := p.numbered || p.hasStamp && p.stamp.tcpdumpForm() || p.hasIface() || p.dir != tcp.DirUnknown || p.ifindex >= 0
	text := c.rest()
	typical := bytes.Contains(text, []byte(" > ")) || bytes.Contains(text, []byte(", length ")) ||
		bytes.Contains(text, []byte(", len "))
	if hasLead(text) {
		return prefixed || typical
	}
	return prefixed && typical
}

// hasLead reports whether text starts with a protocol lead or a MAC
// address.
func hasLead(text []byte) bool {
	for _, l := range protocolLeads {
		if hasAt(text, 0, l) {
			return true
		}
	}
	return isMAC(text)
}

// isMAC matches a 48-bit address as tcpdump prints it, xx:xx:xx:xx:xx:xx,
// at the start of b: the -e Ethernet header ("MAC > MAC, ") and the
// cooked headers' source address.
func isMAC(b []byte) bool {
	if len(b) < 17 {
		return false
	}
	for i := 0; i < 17; i++ {
		if i%3 == 2 {
			if b[i] != ':' {
				return false
			}
		} else if !isHex(b[i]) {
			return false
		}
	}
	return len(b) == 17 || b[17] == ' ' || b[17] == ','
}
