package tcpdump

import (
	"bytes"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// tcpText is what the TCP part of a packet's text said besides the Segment's
// fields: which numbers were printed, for the relative-number replay.
type tcpText struct {
	full       bool // the "Flags [" form (not -q, not cut before the flags)
	hasSeq     bool
	hasAck     bool
	badHdr     bool // "[bad hdr length …]": the header is broken, nothing follows
	annotation bool // a tutorial's "(1)" after the length
}

// scanTCP reads the TCP part of a packet's text, from just after "SRC > DST: "
// (print-tcp.c, tcp_print; the grammar is in docs/design/tcpdump-text.md#grammar).
func scanTCP(c *cursor, kind anchorKind, seg *tcp.Segment, tt *tcpText) *parseError {
	switch kind {
	case anchorQuiet:
		c.lit("tcp ")
		n, ok := c.u32()
		if !ok {
			return errAt(c.i, `expected the payload length after "tcp"`)
		}
		seg.PayloadLen = n
		return nil
	case anchorShortHeader:
		tt.badHdr = true
		return nil
	case anchorTruncated:
		seg.Truncated = true
		return nil
	}
	return scanFull(c, seg, tt)
}

// scanFull reads "Flags [..], cksum …, seq …, ack …, win …, urg …,
// options […], length N" and the opaque rest.
func scanFull(c *cursor, seg *tcp.Segment, tt *tcpText) *parseError {
	tt.full = true
	c.lit("Flags [")
	letters := c.token("]")
	if !c.lit("]") {
		return errAt(c.i, `expected "]" after the flag letters`)
	}
	flags, ok := tcp.ParseFlags(string(letters))
	if !ok {
		return errAt(c.i-1-len(letters), "expected flag letters from \"FSRP.UEWe\" or \"none\", found "+quote(letters))
	}
	seg.Flags = flags
	seg.Known |= tcp.KnownFlags
	if c.lit(" [bad hdr length ") {
		tt.badHdr = true
		return nil
	}
	if err := scanChecksum(c, seg); err != nil {
		return err
	}
	if truncatedHere(c, seg) {
		return nil
	}
	if err := scanSeqAck(c, seg, tt); err != nil {
		return err
	}
	if truncatedHere(c, seg) {
		return nil
	}
	win, err := required(c, ", win ", "win", 1<<16-1)
	if err != nil {
		return err
	}
	seg.Window = uint16(win)
	seg.Known |= tcp.KnownWindow
	if hasAt(c.b, c.i, ", urg ") {
		urg, err := required(c, ", urg ", "urg", 1<<16-1)
		if err != nil {
			return err
		}
		seg.Urgent = uint16(urg)
	} else if c.lit(", [urg ") {
		c.skipPast("]")
	}
	return scanTail(c, seg, tt)
}

// scanChecksum reads ", cksum 0xHHHH (correct)" or "(incorrect -> 0xHHHH)",
// printed with -v.
func scanChecksum(c *cursor, seg *tcp.Segment) *parseError {
	if !c.lit(", cksum 0x") {
		return nil
	}
	if c.hex() == 0 {
		return errAt(c.i, `expected a hexadecimal checksum after "cksum 0x"`)
	}
	switch {
	case c.lit(" (correct)"):
		seg.Checksum = tcp.ChecksumGood
	case c.lit(" (incorrect -> 0x"):
		c.hex()
		if !c.lit(")") {
			return errAt(c.i, `expected ")" after the computed checksum`)
		}
		seg.Checksum = tcp.ChecksumBadTCP
	default:
		return errAt(c.i, `expected "(correct)" or "(incorrect -> 0x…)" after the checksum`)
	}
	seg.Known |= tcp.KnownChecksum
	return nil
}

// scanSeqAck reads ", seq A[:B]" and ", ack N"
// (docs/design/tcpdump-text.md#when-seq-and-ack-appear: seq is printed with
// -vv, for payload, and for SYN, FIN and RST; ack whenever ACK is set).
func scanSeqAck(c *cursor, seg *tcp.Segment, tt *tcpText) *parseError {
	var ok bool
	if c.lit(", seq ") {
		if seg.Seq, ok = c.u32(); !ok {
			return errAt(c.i, `expected a number after "seq"`)
		}
		tt.hasSeq = true
		if c.lit(":") {
			end, ok := c.u32()
			if !ok {
				return errAt(c.i, `expected a number after "seq A:"`)
			}
			seg.PayloadLen = end - seg.Seq
		}
	} else if seg.Flags.Any(tcp.SYN | tcp.FIN | tcp.RST) {
		return expected(c, "seq")
	}
	switch {
	case c.lit(", ack "):
		if seg.Ack, ok = c.u32(); !ok {
			return errAt(c.i, `expected a number after "ack"`)
		}
		tt.hasAck = true
	case c.lit(", [ack "):
		// -vv notes a non-zero ack field without the ACK flag.
		c.skipPast("]")
	case seg.Flags.Has(tcp.ACK):
		return expected(c, "ack")
	}
	return nil
}

// scanTail reads the options and the length, and looks at what follows.
func scanTail(c *cursor, seg *tcp.Segment, tt *tcpText) *parseError {
	if c.lit(", options [") {
		end, err := scanOptions(c, &seg.Options)
		if err != nil {
			return err
		}
		switch end {
		case listBadOpt:
			// tcp_print returns after "[bad opt]": no length follows.
			seg.Known |= tcp.KnownOptions
			return nil
		case listTruncated:
			seg.Truncated = true
			return nil
		}
	}
	seg.Known |= tcp.KnownOptions
	if truncatedHere(c, seg) {
		return nil
	}
	n, err := required(c, ", length ", "length", 1<<32-1)
	if err != nil {
		return err
	}
	seg.PayloadLen = uint32(n)
	suffix := c.rest()
	if bytes.Contains(suffix, []byte("[|")) || bytes.Contains(suffix, []byte("[remaining caplen(")) {
		seg.Truncated = true
	}
	tt.annotation = isAnnotation(suffix)
	return nil
}

// required reads ", NAME N", a field that tcpdump always prints.
func required(c *cursor, lit, name string, max uint64) (uint64, *parseError) {
	if !c.lit(lit) {
		return 0, expected(c, name)
	}
	v, ok := c.uint(max)
	if !ok {
		return 0, errAt(c.i, `expected a number after "`+name+`"`)
	}
	return v, nil
}

// truncatedHere reports a truncation mark (" [|tcp]") at the cursor and
// marks the segment.
func truncatedHere(c *cursor, seg *tcp.Segment) bool {
	if hasAt(c.b, c.i, " [|") || hasAt(c.b, c.i, " [remaining caplen(") {
		seg.Truncated = true
		return true
	}
	return false
}

// expected reports a missing field, naming the field printed before it:
// `expected "seq" after "Flags [S],"`.
func expected(c *cursor, field string) *parseError {
	prev := c.b[:c.i]
	if k := bytes.LastIndex(prev, []byte(", ")); k >= 0 {
		prev = prev[k+2:]
	} else if k := bytes.LastIndex(prev, []byte(": ")); k >= 0 {
		prev = prev[k+2:]
	}
	after := string(prev)
	if hasAt(c.b, c.i, ",") {
		after += ","
	}
	at := c.i
	if hasAt(c.b, at, ", ") {
		at += 2
	}
	return errAt(at, `expected "`+field+`" after `+quote([]byte(after)))
}

// isAnnotation reports a tutorial's numbering after the length, "(1)" or
// "  (2)": what people paste from annotated examples.
func isAnnotation(b []byte) bool {
	b = bytes.TrimLeft(b, " ")
	return len(b) >= 3 && b[0] == '(' && b[len(b)-1] == ')' && allDigits(b[1:len(b)-1])
}
