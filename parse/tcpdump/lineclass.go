package tcpdump

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// lineKind is the role of a line in the text.
type lineKind uint8

const (
	lineBlank        lineKind = iota
	lineBanner                // tcpdump's messages around the packets
	lineStart                 // the first line of a packet's text
	lineContinuation          // more of the current packet's text
	lineForeign               // a line of a prefixed log without the prefix: not tcpdump's
)

// banners start the lines tcpdump writes around the packets
// (docs/design/tcpdump-text.md#banners-and-trailers).
var banners = [...]string{
	"reading from file ",
	"listening on ",
	"tcpdump: ",
	"Warning: ",
	"[Invalid header",
}

// kind classifies a line, reading its prefix into pre on the way (all but
// blank lines and banners). A packet's text starts with a packet number or
// a timestamp; with neither (-t without -#), every line at column 0 starts
// one, which the first packet decides. With -#, which the first packet
// decides too, only a line with a number starts one: -A payload at column
// 0 may start with a timestamp, never with tcpdump's number for it. A
// tcpdump run starting (its banner) decides afresh: it may have other
// flags.
func (s *lineStage) kind(line []byte, pre *prefix) lineKind {
	if isBlank(line) {
		return lineBlank
	}
	if line[0] != ' ' && line[0] != '\t' && isBanner(line) {
		if startsRun(line) {
			s.split = splitUnknown
		}
		return lineBanner
	}
	scanPrefix(&cursor{b: line}, pre)
	if s.split == splitUnknown {
		switch {
		case pre.numbered:
			s.split = splitNumbered
		case pre.startsPacket():
			s.split = splitStamped
		case line[0] != ' ' && line[0] != '\t' && s.prefix != nil && !isPacketLine(line):
			// A collector's own line before tcpdump's (GitHub's
			// "##[group]Run …", a job's set-up): it decides nothing.
			return lineContinuation
		case atColumn0(line, pre):
			s.split = splitBare
		default:
			return lineContinuation
		}
		return lineStart
	}
	switch {
	case s.split == splitNumbered && pre.numbered, s.split == splitStamped && pre.startsPacket():
		return lineStart
	case s.split != splitBare:
		return lineContinuation
	}
	if !atColumn0(line, pre) {
		return lineContinuation
	}
	return lineStart
}

// atColumn0 reports whether a line without number or timestamp starts a
// packet's text: its text starts at column 0, or it starts with the Linux cooked
// v1 direction that -e right-aligns in 3 columns (" In", "  B", sll_print
// in print-sll.c), which -t leaves first on the line.
func atColumn0(line []byte, pre *prefix) bool {
	return line[0] != ' ' && line[0] != '\t' || pre.dir != tcp.DirUnknown && !pre.hasIface()
}

// isBlank reports a line of white space only (as bytes.TrimSpace sees
// it); most lines start with a printable ASCII byte and need no more look.
func isBlank(line []byte) bool {
	if len(line) > 0 && line[0] > ' ' && line[0] < utf8.RuneSelf {
		return false
	}
	return len(bytes.TrimSpace(line)) == 0
}

func isBanner(line []byte) bool {
	for _, b := range banners {
		if hasAt(line, 0, b) {
			return true
		}
	}
	return isCountLine(line)
}

// isCountLine matches the end-of-capture counts, "N packet(s) captured",
// "… received by filter", "… dropped by kernel", "… dropped by interface",
// and the bare "N packets" of --count.
func isCountLine(line []byte) bool {
	_, n, ok := parseUint(line, 1<<63-1)
	if !ok {
		return false
	}
	c := cursor{b: line, i: n}
	if !c.lit(" packet") {
		return false
	}
	c.lit("s")
	return c.done() || c.lit(" captured") || c.lit(" received by filter") || c.lit(" dropped by ")
}

// banner takes the link type from "reading from file X, link-type NAME
// (…)" or "listening on X, link-type NAME (…)", for -xx dumps and to name
// a link type whose packets tcpdump could not print as IP.
func (r *Reader) banner(line []byte) {
	k := bytes.Index(line, []byte(", link-type "))
	if k < 0 {
		return
	}
	c := cursor{b: line, i: k + len(", link-type ")}
	name := c.token(" ,")
	r.linkName = string(name)
	if n, ok := linkHeaderLen[string(name)]; ok {
		r.link = n
	} else {
		r.link = -1
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
