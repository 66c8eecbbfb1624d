package tcpdump

import (
	"bytes"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// packetText is the text tcpdump printed for one packet: its first line
// and the continuation lines after it, stored end to end in one reused
// buffer (docs/design/tcpdump-text.md#a-packets-text).
type packetText struct {
	buf   []byte
	ends  []int  // where each line ends in buf
	skips []int  // the bytes of each input line before its text (a collector's prefix)
	first int    // the input line number of the first line
	pre   prefix // what the first line says before the protocol text
}

func (t *packetText) reset()           { t.buf, t.ends, t.skips = t.buf[:0], t.ends[:0], t.skips[:0] }
func (t *packetText) empty() bool      { return len(t.ends) == 0 }
func (t *packetText) count() int       { return len(t.ends) }
func (t *packetText) lineNo(i int) int { return t.first + i }

// col is the column in the input line of the 1-based column c of the
// text's i-th line, which lost a collector's prefix; 0 (no column) stays.
func (t *packetText) col(i, c int) int {
	if c == 0 {
		return 0
	}
	return c + t.skips[i]
}

// start makes it's line, whose prefix was read into it.pre, the first line
// of the empty text.
func (t *packetText) start(it *lineItem) {
	t.add(it)
	t.pre = it.pre
}

// add appends it's line; the first line fixes the text's line number.
func (t *packetText) add(it *lineItem) {
	if len(t.ends) == 0 {
		t.first = it.n
	}
	t.buf = append(t.buf, it.line...)
	t.ends = append(t.ends, len(t.buf))
	t.skips = append(t.skips, it.skip)
}

// complete reports whether the packet's text may be whole: not when its
// last line ends with ")", as the IPv4 header of -v does, whose TCP part
// tcpdump prints on the next line
// (docs/design/tcpdump-text.md#ipv4-and-ipv6-headers).
func (t *packetText) complete() bool {
	last := t.line(t.count() - 1)
	return len(last) == 0 || last[len(last)-1] != ')'
}

// textAt is where the protocol text of the i-th line starts: after the
// prefix on the first line, at 0 on the others. The prefix (number,
// timestamp, interface and direction) has no " > ", so no "SRC > DST: "
// ends in it, and what follows a ": " in it is a direction, never a TCP
// part: looking for endpoints can start after it.
func (t *packetText) textAt(i int) int {
	if i == 0 {
		return t.pre.end
	}
	return 0
}

// protocolLines is how many of the text's lines are protocol text, which
// may hold endpoints: those before its -A dump, whose first line is the
// first continuation line at column 0 (tcpdump prints a dump after all
// the protocol text, and the payload's lines may look like anything, a
// packet line or a TCP part included). VXLAN's inner frame is printed at
// column 0 too: after a line naming VXLAN, every line is protocol text.
func (t *packetText) protocolLines() int {
	dump := 1
	for ; dump < t.count(); dump++ {
		if b := t.line(dump); len(b) > 0 && b[0] != ' ' && b[0] != '\t' {
			break
		}
	}
	for li := 0; li < dump && dump < t.count(); li++ {
		if bytes.Contains(t.line(li), []byte("VXLAN")) {
			return t.count()
		}
	}
	return min(dump, t.count())
}

// line returns the i-th line of the packet's text.
func (t *packetText) line(i int) []byte {
	start := 0
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.buf[start:t.ends[i]]
}

// prefix is what a packet's first line says before the protocol text
// ([NUM] [TS] [IFNAME DIR] [link header]: docs/design/tcpdump-text.md#a-packets-text).
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

// startsPacket reports whether the line starts with a packet number or a
// timestamp, the pattern that begins each packet's text
// (docs/design/tcpdump-text.md#a-packets-text).
func (p *prefix) startsPacket() bool { return p.numbered || p.hasStamp }

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

// isPacketStart reports whether a line starts with a packet number or a
// timestamp, the pattern that begins each packet's text
// (docs/design/tcpdump-text.md#a-packets-text).
func isPacketStart(line []byte) bool {
	c := cursor{b: line}
	if scanNumber(&c) {
		return true
	}
	var st stamp
	return scanStamp(&c, &st)
}
