package checks

import (
	"strconv"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// who names the sender of direction d: "client 10.0.0.1:40000".
func who(c *rules.Conn, d rules.Dir) string {
	return d.String() + " " + c.Sides[d].Endpoint.String()
}

// seqOf renders a sequence number of direction d's space: absolute, and
// relative to the ISN (or to the first segment seen) in parentheses.
func (st *connState) seqOf(d rules.Dir, n uint32) string {
	s := strconv.FormatUint(uint64(n), 10)
	if f := &st.flows[d]; f.hasBase {
		s += " (rel " + strconv.FormatUint(uint64(n-f.base), 10) + ")"
	}
	return s
}

// dur renders a duration rounded to the microsecond.
func dur(d time.Duration) string {
	if d >= time.Second {
		return d.Round(time.Millisecond).String()
	}
	return d.Round(time.Microsecond).String()
}

// what describes the sequence space a segment occupies: "100 bytes at seq
// 1001 (rel 1)", "FIN at seq …", "100 bytes and FIN at seq …".
func (st *connState) what(d rules.Dir, seg *tcp.Segment) string {
	s := ""
	if seg.PayloadLen > 0 {
		s = byteCount(seg.PayloadLen)
	}
	for _, fl := range [...]struct {
		f    tcp.Flags
		name string
	}{{tcp.SYN, "SYN"}, {tcp.FIN, "FIN"}} {
		if seg.Flags&fl.f != 0 {
			if s != "" {
				s += " and "
			}
			s += fl.name
		}
	}
	return s + " at seq " + st.seqOf(d, seg.Seq)
}

// byteCount renders a byte count: "1 byte", "1448 bytes".
func byteCount(n uint32) string {
	if n == 1 {
		return "1 byte"
	}
	return strconv.FormatUint(uint64(n), 10) + " bytes"
}

// windowScaled reports whether the windows direction d advertises are
// scaled: both SYNs carried the window scale option (RFC 7323 section
// 2.2), the sender's with a shift; and whether that is known at all (a SYN
// of each side was seen).
func windowScaled(c *rules.Conn, d rules.Dir) (scaled, known bool) {
	s, peer := &c.Sides[d], &c.Sides[d.Peer()]
	return s.WScale > 0 && peer.WScale >= 0, s.SYNs > 0 && peer.SYNs > 0
}

// windowOf renders a window field sent in direction d in bytes, scaled,
// with the field and the factor in parentheses when they differ; when the
// scale is unknown (a SYN not captured), the field, said to be one.
func windowOf(c *rules.Conn, d rules.Dir, raw uint16) string {
	field := strconv.FormatUint(uint64(raw), 10)
	scaled, known := windowScaled(c, d)
	switch {
	case scaled:
		shift := c.Sides[d].WScale
		return strconv.FormatUint(uint64(raw)<<shift, 10) + " bytes (field " + field + " × " + strconv.Itoa(1<<shift) + ")"
	case known:
		return field + " bytes"
	}
	return "field " + field + " (window scale unknown: a SYN not captured)"
}

// windowChange renders a window going from one field to another in
// direction d, as windowOf does one.
func windowChange(c *rules.Conn, d rules.Dir, from, to uint16) string {
	scaled, known := windowScaled(c, d)
	f, t := strconv.FormatUint(uint64(from), 10), strconv.FormatUint(uint64(to), 10)
	switch {
	case scaled:
		shift := c.Sides[d].WScale
		return "from " + strconv.FormatUint(uint64(from)<<shift, 10) + " to " + strconv.FormatUint(uint64(to)<<shift, 10) +
			" bytes (field " + f + " → " + t + ", × " + strconv.Itoa(1<<shift) + ")"
	case known:
		return "from " + f + " to " + t + " bytes"
	}
	return "from field " + f + " to " + t + " (window scale unknown: a SYN not captured)"
}

// where names a segment's place in its input without the file name the
// finding already carries: "line 12" for text, "packet 12" for captures.
func where(p tcp.Pos) string {
	if p.IsText() {
		return "line " + strconv.Itoa(p.Line)
	}
	return "packet " + strconv.Itoa(p.Packet)
}
