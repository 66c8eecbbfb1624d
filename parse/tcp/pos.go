package tcp

import (
	"strconv"
)

// Pos is where a segment or an error came from. Text input fills Line and
// Col; capture input fills Packet (1-based, as Wireshark and tcpdump -#
// count) and Offset (the byte offset of the record in the decompressed
// stream). The zero Pos is unknown.
type Pos struct {
	File   string
	Line   int
	Col    int
	Packet int
	Offset int64
}

// IsText reports whether the position is a line of text input.
func (p Pos) IsText() bool { return p.Line > 0 }

// String renders the position the way editors and CI systems parse it:
// "file:line:col" for text, "file:#packet" for captures.
func (p Pos) String() string {
	s := p.File
	if s == "" {
		s = "-"
	}
	switch {
	case p.Line > 0:
		s += ":" + strconv.Itoa(p.Line)
		if p.Col > 0 {
			s += ":" + strconv.Itoa(p.Col)
		}
	case p.Packet > 0:
		s += ":#" + strconv.Itoa(p.Packet)
	}
	return s
}

// Detail renders the position with the byte offset for captures, for error
// messages: "file:#12 (offset 1480)".
func (p Pos) Detail() string {
	if p.Packet > 0 && p.Line == 0 {
		return p.String() + " (offset " + strconv.FormatInt(p.Offset, 10) + ")"
	}
	return p.String()
}
