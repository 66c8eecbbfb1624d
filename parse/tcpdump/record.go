package tcpdump

import (
	"bytes"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// record is the text of one packet: its first line and the continuation
// lines after it, stored end to end in one reused buffer.
type record struct {
	buf   []byte
	ends  []int  // where each line ends in buf
	skips []int  // the bytes of each input line before its text (a collector's prefix)
	first int    // the input line number of the first line
	pre   prefix // what the first line says before the protocol text
	vxlan uint8  // whether the first line names VXLAN: 0 not looked yet, 1 no, 2 yes
}

func (r *record) reset()           { r.buf, r.ends, r.skips = r.buf[:0], r.ends[:0], r.skips[:0] }
func (r *record) empty() bool      { return len(r.ends) == 0 }
func (r *record) count() int       { return len(r.ends) }
func (r *record) lineNo(i int) int { return r.first + i }

// col is the column in the input line of the 1-based column c of the
// record's i-th line, which lost a collector's prefix; 0 (no column) stays.
func (r *record) col(i, c int) int {
	if c == 0 {
		return 0
	}
	return c + r.skips[i]
}

// start makes it's line, whose prefix was read into it.pre, the first line
// of the empty record.
func (r *record) start(it *lineItem) {
	r.add(it)
	r.pre, r.vxlan = it.pre, 0
}

// add appends it's line; the first line fixes the record's line number.
func (r *record) add(it *lineItem) {
	if len(r.ends) == 0 {
		r.first = it.n
	}
	r.buf = append(r.buf, it.line...)
	r.ends = append(r.ends, len(r.buf))
	r.skips = append(r.skips, it.skip)
}

// complete reports whether the record's text may be whole: not when its
// last line ends with ")", as the IPv4 header of -v does, whose TCP part
// tcpdump prints on the next line
// (docs/design/tcpdump-text.md#ipv4-and-ipv6-headers).
func (r *record) complete() bool {
	last := r.line(r.count() - 1)
	return len(last) == 0 || last[len(last)-1] != ')'
}

// textAt is where the protocol text of the i-th line starts: after the
// prefix on the first line, at 0 on the others. The prefix (number,
// timestamp, interface and direction) has no " > ", so no "SRC > DST: "
// ends in it, and what follows a ": " in it is a direction, never a TCP
// part: looking for endpoints can start after it.
func (r *record) textAt(i int) int {
	if i == 0 {
		return r.pre.end
	}
	return 0
}

// hasVXLAN reports whether the first line names VXLAN, whose inner frame
// tcpdump prints on continuation lines at column 0. It looks once a record.
func (r *record) hasVXLAN() bool {
	if r.vxlan == 0 {
		r.vxlan = 1
		if bytes.Contains(r.line(0), []byte("VXLAN")) {
			r.vxlan = 2
		}
	}
	return r.vxlan == 2
}

// line returns the i-th line of the record.
func (r *record) line(i int) []byte {
	start := 0
	if i > 0 {
		start = r.ends[i-1]
	}
	return r.buf[start:r.ends[i]]
}

// prefix is what a record's first line says before the protocol text
// ([NUM] [TS] [IFNAME DIR] [link header]: docs/design/tcpdump-text.md#records).
type prefix struct {
	numbered bool // a -# packet number
	stamp    stamp
	hasStamp bool
	ifaceAt  int // the "-i any" interface name is line[ifaceAt:ifaceEnd]
	ifaceEnd int
	dir      tcp.Direction
	ifindex  int32 // SLL2 -e "ifindex N"; -1 when not printed
	end      int   // where the protocol text starts
}

// startsRecord reports whether the line starts with a packet number or a
// timestamp, the pattern that begins each record
// (docs/design/tcpdump-text.md#records).
func (p *prefix) startsRecord() bool { return p.numbered || p.hasStamp }

// hasIface reports whether the line names an interface.
func (p *prefix) hasIface() bool { return p.ifaceEnd > p.ifaceAt }

// scanPrefix reads the packet number, the timestamp, the "-i any" interface
// and direction, and an SLL2 -e ifindex.
func scanPrefix(c *cursor, p *prefix) {
	*p = prefix{ifindex: -1}
	p.numbered = scanNumber(c)
	p.hasStamp = scanStamp(c, &p.stamp)
	scanCookedV1(c, p)
	if p.dir == tcp.DirUnknown {
		scanInterface(c, p)
	}
	if c.lit("ifindex ") {
		if v, ok := c.uint(1<<31 - 1); ok {
			p.ifindex = int32(v)
		}
	}
	p.end = c.i
}

// scanNumber reads the -# packet number, "%5u  ".
func scanNumber(c *cursor) bool {
	start := c.i
	c.spaces()
	if _, ok := c.uint(1<<63 - 1); ok && c.lit("  ") {
		return true
	}
	c.i = start
	return false
}

// directions are the SLL packet types as tcpdump prints them.
var directions = [...]struct {
	word string
	dir  tcp.Direction
}{
	{"In", tcp.DirIn}, {"Out", tcp.DirOut}, {"B", tcp.DirBroadcast},
	{"M", tcp.DirMulticast}, {"P", tcp.DirOther}, {"?", tcp.DirUnknown},
}

// scanInterface reads the LINUX_SLL2 prefix "%-5s %-3s ": an interface name
// padded to 5 columns, then the direction padded to 3
// (docs/design/tcpdump-text.md#interface-and-link-prefixes).
func scanInterface(c *cursor, p *prefix) {
	start := c.i
	name := c.token(" ")
	pad := c.spaces()
	want := 1
	if len(name) < 5 {
		want = 6 - len(name)
	}
	if len(name) > 0 && pad == want {
		word := c.token(" ")
		pad = c.spaces()
		for _, d := range directions {
			if string(word) == d.word && pad == 4-len(word) {
				p.ifaceAt, p.ifaceEnd, p.dir = start, start+len(name), d.dir
				return
			}
		}
	}
	c.i = start
}

// scanCookedV1 reads the LINUX_SLL -e direction, right-aligned in 3
// columns (" In", "Out", "  B"), which follows the timestamp's space. A
// space after it tells an SLL2 interface named like a direction apart.
func scanCookedV1(c *cursor, p *prefix) {
	b := c.rest()
	if len(b) < 5 || b[3] != ' ' || b[4] == ' ' {
		return
	}
	word := bytes.TrimLeft(b[:3], " ")
	for _, d := range directions[:5] {
		if string(word) == d.word {
			c.i += 4
			p.dir = d.dir
			return
		}
	}
}

// isRecordStart reports whether a line starts with a packet number or a
// timestamp, the pattern that begins each record
// (docs/design/tcpdump-text.md#records).
func isRecordStart(line []byte) bool {
	c := cursor{b: line}
	if scanNumber(&c) {
		return true
	}
	var st stamp
	return scanStamp(&c, &st)
}
