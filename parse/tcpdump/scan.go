package tcpdump

import "bytes"

// cursor walks one line of text. Its methods consume what they match and
// leave the position alone when they do not, so the grammar reads as a
// sequence of optional parts. Nothing here allocates.
type cursor struct {
	b []byte
	i int
}

// rest is the unread part of the line.
func (c *cursor) rest() []byte { return c.b[c.i:] }

// done reports whether the whole line was read.
func (c *cursor) done() bool { return c.i >= len(c.b) }

// peek returns the next byte, or 0 at the end of the line.
func (c *cursor) peek() byte {
	if c.i < len(c.b) {
		return c.b[c.i]
	}
	return 0
}

// lit consumes s if the line continues with it.
func (c *cursor) lit(s string) bool {
	if hasAt(c.b, c.i, s) {
		c.i += len(s)
		return true
	}
	return false
}

// spaces consumes a run of spaces and returns its length.
func (c *cursor) spaces() int {
	n := 0
	for c.i < len(c.b) && c.b[c.i] == ' ' {
		c.i++
		n++
	}
	return n
}

// uint consumes a decimal number of at most 20 digits that fits in max.
func (c *cursor) uint(max uint64) (uint64, bool) {
	v, n, ok := parseUint(c.b[c.i:], max)
	if ok {
		c.i += n
	}
	return v, ok
}

// u32 consumes a decimal 32-bit number.
func (c *cursor) u32() (uint32, bool) {
	v, ok := c.uint(1<<32 - 1)
	return uint32(v), ok
}

// u16 consumes a decimal 16-bit number.
func (c *cursor) u16() (uint16, bool) {
	v, ok := c.uint(1<<16 - 1)
	return uint16(v), ok
}

// hex consumes hexadecimal digits and returns how many there were.
func (c *cursor) hex() int {
	n := 0
	for c.i < len(c.b) && isHex(c.b[c.i]) {
		c.i++
		n++
	}
	return n
}

// token consumes bytes up to (not including) the first byte in stop, or to
// the end of the line.
func (c *cursor) token(stop string) []byte {
	start := c.i
	for c.i < len(c.b) && !isAny(c.b[c.i], stop) {
		c.i++
	}
	return c.b[start:c.i]
}

// upTo consumes bytes up to (not including) the first byte in stop, or to
// the end of the line: token with a set made beforehand, for hot loops.
func (c *cursor) upTo(stop *byteSet) []byte {
	b := c.b[c.i:]
	n := 0
	for n < len(b) && !stop[b[n]] {
		n++
	}
	c.i += n
	return b[:n]
}

// skipPast moves past the first occurrence of s; it reports false and
// stays put when s does not occur.
func (c *cursor) skipPast(s string) bool {
	k := bytes.Index(c.b[c.i:], []byte(s))
	if k < 0 {
		return false
	}
	c.i += k + len(s)
	return true
}

// parseUint reads the decimal digits at the start of b, refusing values
// above max, and returns the value and how many bytes it used.
func parseUint(b []byte, max uint64) (v uint64, n int, ok bool) {
	for n < len(b) && isDigit(b[n]) {
		if n == 20 {
			return 0, 0, false
		}
		d := uint64(b[n] - '0')
		if d > max || v > (max-d)/10 { // v*10+d > max, without overflowing
			return 0, 0, false
		}
		v = v*10 + d
		n++
	}
	return v, n, n > 0
}

// hexValue reads b as a hexadecimal number of at most 16 digits.
func hexValue(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 16 {
		return 0, false
	}
	var v uint64
	for _, ch := range b {
		d, ok := hexDigit(ch)
		if !ok {
			return 0, false
		}
		v = v<<4 | uint64(d)
	}
	return v, true
}

func hexDigit(ch byte) (byte, bool) {
	switch {
	case '0' <= ch && ch <= '9':
		return ch - '0', true
	case 'a' <= ch && ch <= 'f':
		return ch - 'a' + 10, true
	case 'A' <= ch && ch <= 'F':
		return ch - 'A' + 10, true
	}
	return 0, false
}

func isDigit(ch byte) bool { return '0' <= ch && ch <= '9' }

func isHex(ch byte) bool {
	_, ok := hexDigit(ch)
	return ok
}

// byteSet is a set of bytes that a scanning loop tests in one lookup.
type byteSet [256]bool

func newByteSet(s string) byteSet {
	var set byteSet
	for i := 0; i < len(s); i++ {
		set[s[i]] = true
	}
	return set
}

func isAny(ch byte, set string) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == ch {
			return true
		}
	}
	return false
}

// allDigits reports whether b is a non-empty run of decimal digits.
func allDigits(b []byte) bool {
	for _, ch := range b {
		if !isDigit(ch) {
			return false
		}
	}
	return len(b) > 0
}
