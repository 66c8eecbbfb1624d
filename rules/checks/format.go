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
