package capture

import "github.com/pcaplint/pcaplint/parse/tcp"

// IPDecoder decodes lone IP packets down to their TCP segment: a raw-IP
// frame, or the bytes of a tcpdump -x hex dump (the text reader uses it, so
// that a dump is decoded exactly as a capture is, tunnels included). Its
// zero value is ready to use; it is not safe for concurrent use.
type IPDecoder struct {
	dec decoder
	rec record
}

// Decode fills seg from b, an IPv4 or IPv6 packet, following IP-in-IP,
// GRE, VXLAN and Geneve to the innermost TCP segment. It reports whether b
// held a TCP segment. seg's time and position are left for the caller.
func (d *IPDecoder) Decode(b []byte, seg *tcp.Segment) bool {
	d.rec = record{Data: b, LinkType: linkRaw, Interface: -1, OrigLen: len(b)}
	seg.Interface, seg.Dir, seg.Tunnel = -1, tcp.DirUnknown, tcp.TunnelNone
	return d.dec.decode(&d.rec, seg) == isTCP
}
