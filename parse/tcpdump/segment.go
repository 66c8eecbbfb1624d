package tcpdump

import (
	"bytes"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// parse turns a packet's complete text into seg; false when the packet is not a
// TCP segment (it is then counted in Stats) or does not parse.
func (r *Reader) parse(pt *packetText, seg *tcp.Segment) bool {
	r.stats.Records++
	// Every packet moves the clock, TCP or not: -ttt prints the time
	// since the previous packet, whatever it was.
	when, timed := r.stamp(pt)
	a, found, broken := findAnchor(pt)
	if !found {
		if broken.err != nil {
			r.malformed(pt, broken.line, broken.err)
			return false
		}
		if li, err := cutLine(pt); err != nil {
			r.malformed(pt, li, err)
			return false
		}
		r.countOther(pt)
		return false
	}
	outer, hasOuter := firstPair(pt, a)
	if hasOuter && hasAt(pt.line(outer.line), outer.colon+2, "ICMP") {
		// An ICMP error quoting a TCP header: not a segment
		// (docs/design/tcpdump-text.md#finding-the-tcp-part).
		r.stats.ICMP++
		return false
	}
	*seg = tcp.Segment{Interface: -1, Pos: r.textPos(pt, 0, 1)}
	if timed {
		seg.Time = when
		seg.Known |= tcp.KnownTime
	}
	r.place(pt, seg)
	line := pt.line(a.line)
	if !r.endpoints(pt, a, seg) {
		return false
	}
	if hasOuter {
		ol := pt.line(outer.line)
		if a.portsOnly {
			// IPv6 extension headers: the addresses are in the IPv6 pair.
			r.hosts.host(hostPart(outer.srcText(ol)), &seg.Src)
			r.hosts.host(hostPart(outer.dstText(ol)), &seg.Dst)
		} else {
			seg.Tunnel = tunnelKind(pt, outer.line, a.line)
			r.hosts.host(hostPart(outer.srcText(ol)), &seg.OuterSrc)
			r.hosts.host(hostPart(outer.dstText(ol)), &seg.OuterDst)
		}
	}
	var tt tcpText
	c := cursor{b: line, i: a.colon + 2}
	if err := scanTCP(&c, a.kind, seg, &tt); err != nil {
		r.malformed(pt, a.line, err)
		return false
	}
	if tt.badHdr {
		r.stats.Malformed++
		r.stats.Reportf(r.textPos(pt, a.line, a.colon+3), "TCP header length out of range; segment skipped")
		return false
	}
	if tt.annotation {
		r.stats.Other++
	}
	ipHeader(pt, a, seg)
	if seg.Checksum == tcp.ChecksumBadTCP && offloaded(pt, a, seg) {
		seg.Checksum = tcp.ChecksumUnknown
		seg.Known &^= tcp.KnownChecksum
	}
	if tt.full && r.rel.resolve(seg, &tt) && !r.toldReading {
		r.toldReading = true
		r.stats.Reportf(r.textPos(pt, a.line, a.colon+3), "cannot tell yet whether the sequence numbers are relative or absolute (tcpdump -S): read as relative, tcpdump's default, until a connection tells; pass -S (--absolute-input) if the log was printed with -S")
	}
	r.dump(pt, seg)
	if seg.Truncated {
		r.stats.Truncated++
	}
	r.stats.TCP++
	return true
}

// stamp returns the time of a packet from the prefix of its first line;
// false when the line shows none.
func (r *Reader) stamp(pt *packetText) (time.Time, bool) {
	p := &pt.pre
	if !p.hasStamp {
		return time.Time{}, false
	}
	return r.clock.time(&p.stamp)
}

// place fills the interface and direction from the packet's prefix.
func (r *Reader) place(pt *packetText, seg *tcp.Segment) {
	p := &pt.pre
	seg.Dir = p.dir
	switch {
	case p.ifindex >= 0:
		seg.Interface = p.ifindex
	case p.hasIface():
		name := pt.line(0)[p.ifaceAt:p.ifaceEnd]
		if string(name) == "?" && p.dir != tcp.DirUnknown {
			// tcpdump could not name the interface (a veth or bridge
			// removed before the capture was rendered: docker's, a
			// test's network namespace). The copies of one packet on
			// several such interfaces are all "?", but one is sent
			// ("Out") where another was received ("In", "P"): told
			// apart by direction, they stay copies, not retransmissions.
			seg.Interface = unnamedIfaceBase + int32(p.dir)
			return
		}
		seg.Interface = r.ifaceID(name)
	}
}

// unnamedIfaceBase numbers the interfaces tcpdump could not name by their
// direction, above any number ifaceID gives or an ifindex holds.
const unnamedIfaceBase = 1<<31 - 16

// ifaceID numbers interface names from 1 in order of appearance, so that
// copies of one packet on several interfaces stay apart. With -e, the
// SLL2 ifindex that tcpdump prints is used instead.
func (r *Reader) ifaceID(name []byte) int32 {
	if id, ok := r.ifaces[string(name)]; ok {
		return id
	}
	id := int32(len(r.ifaces) + 1)
	r.ifaces[string(name)] = id
	return id
}

// endpoints parses "SRC > DST". An unknown service name is a warning:
// the segment cannot be placed, so it is skipped.
func (r *Reader) endpoints(pt *packetText, a anchor, seg *tcp.Segment) bool {
	line := pt.line(a.line)
	return r.endpoint(pt, a.line, a.srcText(line), a.src, &seg.Src) &&
		r.endpoint(pt, a.line, a.dstText(line), a.dst, &seg.Dst)
}

// endpoint parses one endpoint text, found at offset at of line li, into
// ep, reporting why it does not parse.
func (r *Reader) endpoint(pt *packetText, li int, text []byte, at int, ep *tcp.Endpoint) bool {
	err := r.hosts.endpoint(text, ep)
	switch {
	case err == nil:
		return true
	case err.unknown:
		r.stats.Malformed++
		r.stats.Reportf(r.textPos(pt, li, at+1), "%s in %s; segment skipped (add it to the services table, or print with -n)", err.msg, quote(text))
	default:
		r.malformed(pt, li, errAt(at, err.msg+" in "+quote(text)))
	}
	return false
}

// hostPart strips the port from an endpoint text, unless the whole text is
// an address (IP-in-IP and ICMP pairs have no ports).
func hostPart(b []byte) []byte {
	if _, ok := parseIPv4(b); ok {
		return b
	}
	k := bytes.LastIndexByte(b, '.')
	if k < 0 || bytes.IndexByte(b[k:], ':') >= 0 {
		return b
	}
	return b[:k]
}

// tunnelKind names the encapsulation printed between the outer pair and
// the TCP pair.
func tunnelKind(pt *packetText, from, to int) tcp.Tunnel {
	for li := from; li <= to; li++ {
		b := pt.line(li)
		switch {
		case bytes.Contains(b, []byte("Geneve")):
			return tcp.TunnelGeneve
		case bytes.Contains(b, []byte("VXLAN")):
			return tcp.TunnelVXLAN
		case bytes.Contains(b, []byte("GRE")):
			return tcp.TunnelGRE
		}
	}
	return tcp.TunnelIPinIP
}

// ipHeader takes the TTL, IP ID and IP checksum verdict from the -v header
// printed before the TCP part: "(tos …, ttl N, id N, …, bad cksum …)" for
// IPv4, "(… hlim N, …)" for IPv6. With IPv4 the TCP part is on the next
// line.
func ipHeader(pt *packetText, a anchor, seg *tcp.Segment) {
	b := headerText(pt, a)
	if bytes.IndexByte(b, '(') < 0 {
		return
	}
	k := max(bytes.LastIndex(b, []byte("(tos ")), bytes.LastIndex(b, []byte("IP6 (")))
	if k < 0 {
		return
	}
	h := b[k:]
	if v, ok := numberField(h, ", ttl "); ok {
		seg.TTL = uint8(v)
	}
	if v, ok := numberField(h, "hlim "); ok {
		seg.TTL = uint8(v)
	}
	if v, ok := numberField(h, ", id "); ok {
		seg.IPID = uint16(v)
		seg.Known |= tcp.KnownIPID
	}
	if bytes.Contains(h, []byte(", bad cksum ")) {
		seg.Checksum = tcp.ChecksumBadIP
		seg.Known |= tcp.KnownChecksum
	}
}

// headerText is the text that holds the -v IP header of the anchor's
// packet: what precedes the pair on its line or, when that is only the
// indent of a continuation line (IPv4), the line before.
func headerText(pt *packetText, a anchor) []byte {
	b := pt.line(a.line)[:a.src]
	if len(bytes.TrimSpace(b)) == 0 && a.line > 0 {
		b = pt.line(a.line - 1)
	}
	return b
}

// numberField reads the number after the first occurrence of name.
func numberField(h []byte, name string) (uint64, bool) {
	k := bytes.Index(h, []byte(name))
	if k < 0 {
		return 0, false
	}
	v, _, ok := parseUint(h[k+len(name):], 255*256+255)
	return v, ok
}

// dump decodes the packet's hex dump, when it has one, in place of the
// text; through a tunnel, the dump holds the outer headers and the inner
// packet is found by decapsulating them. A dump whose offsets do not follow
// each other is reported and ignored; one that does not hold the TCP
// header the text shows (a guess of the link header that failed, a tunnel
// the decoder does not know) is ignored silently.
func (r *Reader) dump(pt *packetText, seg *tcp.Segment) {
	r.hex = r.hex[:0]
	for li := 1; li < pt.count(); li++ {
		b := pt.line(li)
		if !isHexLine(b) {
			continue
		}
		var ok bool
		if r.hex, ok = appendHexLine(r.hex, b); !ok {
			r.stats.Reportf(r.textPos(pt, li, 2), "hex dump line does not continue the dump; dump ignored")
			return
		}
	}
	if len(r.hex) > 0 {
		r.hexdec.frame(r.hex, r.link, seg)
	}
}

// malformed reports a TCP line that does not parse: skipped, or fatal in
// strict mode.
func (r *Reader) malformed(pt *packetText, li int, err *parseError) {
	p := tcp.Problem{Pos: r.textPos(pt, li, err.at+1), Msg: err.msg, Fatal: r.opts.Strict}
	r.stats.Malformed++
	r.stats.Report(p)
	if r.opts.Strict {
		r.err = p
	}
}
