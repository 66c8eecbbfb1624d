package tcpdump

import (
	"encoding/binary"

	"github.com/pcaplint/pcaplint/parse/capture"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// appendHexLine adds the bytes of one -x/-xx/-X/-XX dump line to buf
// (print-ascii.c, hex_print and hex_and_ascii_print;
// docs/design/tcpdump-text.md#hex-and-ascii-dumps):
// TAB, "0x%04x:" (longer past 0xffff), then up to eight " xxxx" groups,
// the last one possibly " xx", then for -X two or more spaces and an ASCII
// column. It reports false when the offset is not the count of bytes so
// far or a group is malformed.
func appendHexLine(buf, line []byte) ([]byte, bool) {
	c := cursor{b: line}
	if !c.lit("\t0x") {
		return buf, false
	}
	digits := c.token(":")
	off, ok := hexValue(digits)
	if !ok || !c.lit(": ") || off != uint64(len(buf)) {
		return buf, false
	}
	for g := 0; g < 8 && c.lit(" "); g++ {
		if c.peek() == ' ' {
			break // the -X ASCII column follows
		}
		start := c.i
		n := c.hex()
		if n != 2 && n != 4 {
			return buf, false
		}
		for k := start; k < start+n; k += 2 {
			hi, _ := hexDigit(line[k])
			lo, _ := hexDigit(line[k+1])
			buf = append(buf, hi<<4|lo)
		}
		if n == 2 {
			break
		}
	}
	return buf, true
}

// Link header lengths by the link-type names of libpcap, as the "reading
// from file …, link-type NAME (…)" banner prints them.
var linkHeaderLen = map[string]int{
	"EN10MB":     14,
	"LINUX_SLL":  16,
	"LINUX_SLL2": 20,
	"NULL":       4,
	"LOOP":       4,
	"RAW":        0,
	"IPV4":       0,
	"IPV6":       0,
}

// guessedOffsets are where an IP header may start when the link type is
// unknown: -x dumps (0), Ethernet, Linux cooked v1 and v2, BSD loopback.
var guessedOffsets = [...]int{0, 14, 16, 20, 4}

// frame decodes a dumped frame into seg when an IPv4 or IPv6 header
// carrying TCP with the ports the text showed starts at the link header's
// end (link >= 0, from the banner), at 0 (-x, or -xx on raw IP), or at one
// of the usual link header lengths. The bytes then replace what the text
// said. The packet itself is decoded by the capture reader's decoder, so a
// dump reads exactly as the capture it came from.
func (h *hexDecoder) frame(b []byte, link int, seg *tcp.Segment) bool {
	if link >= 0 {
		return h.packetAt(b, vlanEnd(b, link), seg) || h.packetAt(b, 0, seg)
	}
	for _, off := range guessedOffsets {
		if off == 14 {
			off = vlanEnd(b, off)
		}
		if h.packetAt(b, off, seg) {
			return true
		}
	}
	return false
}

// vlanEnd skips 802.1Q and 802.1ad tags after an Ethernet header.
func vlanEnd(b []byte, off int) int {
	if off != 14 {
		return off
	}
	for off+4 <= len(b) {
		et := binary.BigEndian.Uint16(b[off-2:])
		if et != 0x8100 && et != 0x88a8 {
			break
		}
		off += 4
	}
	return off
}

// hexDecoder decodes the packets of hex dumps; it keeps the decoder's
// preallocated layers and a scratch segment between packets.
type hexDecoder struct {
	ip      capture.IPDecoder
	scratch tcp.Segment
}

// packetAt decodes the IP packet at off, following the tunnels tcpdump
// prints through (IP-in-IP, GRE, VXLAN, Geneve) to the innermost one, and
// takes its header fields into seg if it carries TCP with the ports the
// text showed.
func (h *hexDecoder) packetAt(b []byte, off int, seg *tcp.Segment) bool {
	if off >= len(b) {
		return false
	}
	s := &h.scratch
	if !h.ip.Decode(b[off:], s) || s.Src.Port != seg.Src.Port || s.Dst.Port != seg.Dst.Port {
		return false
	}
	seg.Src, seg.Dst = s.Src, s.Dst
	seg.Seq, seg.Ack, seg.Flags = s.Seq, s.Ack, s.Flags
	seg.Window, seg.Urgent = s.Window, s.Urgent
	seg.TTL, seg.IPID = s.TTL, s.IPID
	seg.PayloadLen, seg.Truncated, seg.Payload = s.PayloadLen, s.Truncated, s.Payload
	seg.Options = s.Options
	seg.Known |= tcp.KnownSeq | tcp.KnownAck | tcp.KnownFlags | tcp.KnownWindow
	seg.Known = seg.Known&^tcp.KnownIPID | s.Known&tcp.KnownIPID
	if s.Has(tcp.KnownOptions) {
		seg.Known |= tcp.KnownOptions
	} else {
		seg.Known &^= tcp.KnownOptions
	}
	return true
}
