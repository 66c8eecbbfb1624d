package checks

import (
	"strconv"
	"strings"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// The helpers below return rules.Phrase values rather than strings, so
// that a finding's message can be put into words in every language of the
// reports; their English words are the ones the messages always had.

// party is the sender of a direction with its endpoint: "client
// 10.0.0.1:40000", "客户端 10.0.0.1:40000".
type party struct {
	dir rules.Dir
	ep  tcp.Endpoint
}

// In renders the party in language l.
func (w party) In(l rules.Lang) string { return w.dir.In(l) + " " + w.ep.String() }

// who names the sender of direction d: "client 10.0.0.1:40000".
func who(c *rules.Conn, d rules.Dir) party { return party{d, c.Sides[d].Endpoint} }

// seqNo is a sequence number of a direction's space: absolute, and
// relative to the ISN (or to the first segment seen) in parentheses.
type seqNo struct {
	n, rel uint32
	hasRel bool
}

// In renders the number in language l: "1001 (rel 1)", "1001（相对 1）".
func (q seqNo) In(l rules.Lang) string {
	s := strconv.FormatUint(uint64(q.n), 10)
	if !q.hasRel {
		return s
	}
	r := strconv.FormatUint(uint64(q.rel), 10)
	if l == rules.Chinese {
		return s + "（相对 " + r + "）"
	}
	return s + " (rel " + r + ")"
}

// seqOf is sequence number n of direction d's space.
func (st *connState) seqOf(d rules.Dir, n uint32) seqNo {
	f := &st.flows[d]
	return seqNo{n: n, rel: n - f.base, hasRel: f.hasBase}
}

// dur is a duration as messages print it, rounded to the microsecond.
func dur(d time.Duration) rules.Duration { return rules.Duration(d) }

// elapsed is a duration between segments of c, as messages print it:
// unknown when c's segments came without a time (tcpdump -t), where d is
// a difference of zero times and says nothing.
func elapsed(c *rules.Conn, d time.Duration) rules.Duration {
	if c.Untimed() {
		return rules.UnknownDuration
	}
	return dur(d)
}

// segSpace is the sequence space a segment occupies: its payload, its SYN
// and FIN, and where it starts.
type segSpace struct {
	bytes    uint32
	syn, fin bool
	seq      seqNo
}

// In renders the space in language l: "100 bytes at seq 1001 (rel 1)",
// "FIN at seq …", "100 bytes and FIN at seq …"; "序列号 1001（相对 1）处的
// 100 字节和 FIN".
func (w segSpace) In(l rules.Lang) string {
	var parts []string
	if w.bytes > 0 {
		parts = append(parts, rules.Bytes(w.bytes).In(l))
	}
	if w.syn {
		parts = append(parts, "SYN")
	}
	if w.fin {
		parts = append(parts, "FIN")
	}
	if l == rules.Chinese {
		return "序列号 " + w.seq.In(l) + " 处的 " + strings.Join(parts, "和")
	}
	return strings.Join(parts, " and ") + " at seq " + w.seq.In(l)
}

// what describes the sequence space a segment occupies.
func (st *connState) what(d rules.Dir, seg *tcp.Segment) segSpace {
	return segSpace{bytes: seg.PayloadLen, syn: seg.Flags&tcp.SYN != 0, fin: seg.Flags&tcp.FIN != 0, seq: st.seqOf(d, seg.Seq)}
}

// byteCount is a byte count: "1 byte", "1448 bytes".
func byteCount(n uint32) rules.Bytes { return rules.Bytes(n) }

// windowScaled reports whether the windows direction d advertises are
// scaled: both SYNs carried the window scale option (RFC 7323 section
// 2.2), the sender's with a shift; and whether that is known at all (a SYN
// of each side was seen).
func windowScaled(c *rules.Conn, d rules.Dir) (scaled, known bool) {
	s, peer := &c.Sides[d], &c.Sides[d.Peer()]
	return s.WScale > 0 && peer.WScale >= 0, s.SYNs > 0 && peer.SYNs > 0
}

// window is a window field sent in one direction, with the scale the
// handshake set for it: scaled (both SYNs carried the option), known (a SYN
// of each side was seen), and the shift.
type window struct {
	from, to      uint16
	change        bool // from → to, rather than the one field to
	scaled, known bool
	shift         uint8
}

// windowOf is a window field sent in direction d: in bytes, scaled, with
// the field and the factor in parentheses when they differ; when the scale
// is unknown (a SYN not captured), the field, said to be one.
func windowOf(c *rules.Conn, d rules.Dir, raw uint16) window {
	w := windowChange(c, d, raw, raw)
	w.change = false
	return w
}

// windowChange is a window going from one field to another in direction
// d, rendered as windowOf renders one.
func windowChange(c *rules.Conn, d rules.Dir, from, to uint16) window {
	scaled, known := windowScaled(c, d)
	w := window{from: from, to: to, change: true, scaled: scaled, known: known}
	if scaled {
		w.shift = uint8(c.Sides[d].WScale)
	}
	return w
}

// In renders the window in language l.
func (w window) In(l rules.Lang) string {
	f, t := strconv.FormatUint(uint64(w.from), 10), strconv.FormatUint(uint64(w.to), 10)
	sf, sto := strconv.FormatUint(uint64(w.from)<<w.shift, 10), strconv.FormatUint(uint64(w.to)<<w.shift, 10)
	factor := strconv.Itoa(1 << w.shift)
	zh := l == rules.Chinese
	switch {
	case !w.change && w.scaled && zh:
		return sto + " 字节（字段值 " + t + " × " + factor + "）"
	case !w.change && w.scaled:
		return sto + " bytes (field " + t + " × " + factor + ")"
	case !w.change && w.known && zh:
		return t + " 字节"
	case !w.change && w.known:
		return t + " bytes"
	case !w.change && zh:
		return "字段值 " + t + "（窗口扩大因子未知：没有抓到 SYN 包）"
	case !w.change:
		return "field " + t + " (window scale unknown: a SYN not captured)"
	case w.scaled && zh:
		return "从 " + sf + " 字节变为 " + sto + " 字节（字段值 " + f + " → " + t + "，× " + factor + "）"
	case w.scaled:
		return "from " + sf + " to " + sto + " bytes (field " + f + " → " + t + ", × " + factor + ")"
	case w.known && zh:
		return "从 " + f + " 字节变为 " + t + " 字节"
	case w.known:
		return "from " + f + " to " + t + " bytes"
	case zh:
		return "字段值从 " + f + " 变为 " + t + "（窗口扩大因子未知：没有抓到 SYN 包）"
	}
	return "from field " + f + " to " + t + " (window scale unknown: a SYN not captured)"
}

// place is a segment's place in its input without the file name the
// finding already carries: "line 12" for text, "packet 12" for captures.
type place tcp.Pos

// In renders the place in language l.
func (p place) In(l rules.Lang) string {
	pos := tcp.Pos(p)
	n, zh := pos.Packet, l == rules.Chinese
	if pos.IsText() {
		n = pos.Line
	}
	s := strconv.Itoa(n)
	switch {
	case pos.IsText() && zh:
		return "第 " + s + " 行"
	case pos.IsText():
		return "line " + s
	case zh:
		return "第 " + s + " 个包"
	}
	return "packet " + s
}

// where names a segment's place in its input.
func where(p tcp.Pos) place { return place(p) }

// series is phrases joined with semicolons: "window scale 15, more than
// 14; SACK block …".
type series []rules.Text

// In renders the phrases in language l.
func (s series) In(l rules.Lang) string {
	sep := "; "
	if l == rules.Chinese {
		sep = "；"
	}
	parts := make([]string, len(s))
	for i, t := range s {
		parts[i] = t.In(l)
	}
	return strings.Join(parts, sep)
}
