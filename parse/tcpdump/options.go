package tcpdump

import (
	"bytes"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// listEnd says how an options list ended.
type listEnd uint8

const (
	listClosed    listEnd = iota // "]": the list is whole, ", length" follows
	listBadOpt                   // "[bad opt]": tcpdump stopped printing the segment
	listTruncated                // "[|tcp]": the capture ended inside the options
)

// presenceOption names the options whose text pcaplint only notes as
// present; their details (MD5 and AO signatures, MPTCP subtypes, the user
// timeout) stay in the text.
// A switch rather than a map: it runs for every option of every line.
func presenceOption(name []byte) (tcp.OptionSet, bool) {
	switch string(name) {
	case "nop":
		return tcp.OptNOP, true
	case "eol":
		return tcp.OptEOL, true
	case "sackOK":
		return tcp.OptSACKPermitted, true
	case "md5":
		return tcp.OptMD5, true
	case "tcp-ao":
		return tcp.OptAO, true
	case "uto":
		return tcp.OptUserTimeout, true
	case "mptcp":
		return tcp.OptMPTCP, true
	}
	return 0, false
}

// Option kinds that tcpdump names but Options has no field for; they are
// kept as unknown options with their usual length.
var namedKinds = map[string]tcp.UnknownOption{
	"echo":      {Kind: 6, Len: 6},
	"echoreply": {Kind: 7, Len: 6},
	"cc":        {Kind: 11, Len: 6},
	"ccnew":     {Kind: 12, Len: 6},
	"ccecho":    {Kind: 13, Len: 6},
	"scps":      {Kind: 20, Len: 4},
}

// scanOptions reads the list after "options [" into o (print-tcp.c's
// tcp_option_values and the option printers). Options are separated by ','
// without a space, but MPTCP and md5 texts hold brackets, braces and
// spaces, so the list is split at ',' and ']' outside brackets only. On
// malformed text it returns a parse error at the offending column.
func scanOptions(c *cursor, o *tcp.Options) (listEnd, *parseError) {
	prevMPTCP := false
	for {
		switch {
		case c.lit("[bad opt]"):
			o.Has |= tcp.OptMalformed
			c.lit("]")
			return listBadOpt, nil
		case c.lit("[|"):
			return listTruncated, nil
		}
		// Options are joined by ',' alone; ", " is inside an option's
		// own text (md5's "not supplied with -M, can't check").
		inside := c.peek() == ' '
		nameAt := c.i
		name := c.upTo(&optionNameEnd)
		body := cursor{b: c.b, i: c.i}
		end, stop, bracketed := optionEnd(c)
		body.b = c.b[:stop]
		if !inside {
			if bracketed && bytes.Contains(body.rest(), []byte("[len ")) {
				// The length byte disagreed with the option's size.
				o.Has |= tcp.OptMalformed
			}
			if err := option(name, nameAt, &body, o, &prevMPTCP); err != nil {
				return 0, err
			}
		}
		switch end {
		case ',':
			c.i++
		case ']':
			c.i++
			return listClosed, nil
		case '|':
			return listTruncated, nil
		case '!':
			o.Has |= tcp.OptMalformed
			return listBadOpt, nil
		default:
			return 0, errAt(c.i, `expected "]" to close the options`)
		}
	}
}

// optionNameEnd are the bytes that end an option's name.
var optionNameEnd = newByteSet(" ,[]{}")

// optionMarks are the bytes optionEnd looks at; it skips all others.
var optionMarks = newByteSet("[]{},")

// optionEnd moves the cursor to the ',' or ']' that ends the current option
// at bracket depth 0 and returns that byte and its offset, and whether a
// '[' opened inside the option. It returns '|' at a truncation mark "[|",
// '!' after a "[bad opt]" inside the option ("scps[bad opt]"), and 0 at the
// end of the line. A "[len N]" note is marked malformed by the caller.
func optionEnd(c *cursor) (end byte, stop int, bracketed bool) {
	depth := 0
	b := c.b
	for {
		c.i += skipUnmarked(b[c.i:])
		if c.i >= len(b) {
			return 0, c.i, bracketed
		}
		switch b[c.i] {
		case '[':
			if c.i+1 < len(b) && b[c.i+1] == '|' {
				return '|', c.i, bracketed
			}
			if hasAt(b, c.i, "[bad opt]") {
				at := c.i
				c.i += len("[bad opt]")
				c.lit("]")
				return '!', at, bracketed
			}
			depth++
			bracketed = true
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		case ']':
			if depth == 0 {
				return ']', c.i, bracketed
			}
			depth--
		case ',':
			if depth == 0 {
				return ',', c.i, bracketed
			}
		}
		c.i++
	}
}

// skipUnmarked returns how many bytes at the start of b are not in
// optionMarks.
func skipUnmarked(b []byte) int {
	for i, ch := range b {
		if optionMarks[ch] {
			return i
		}
	}
	return len(b)
}

// option interprets one option: its name and the text after the name.
func option(name []byte, at int, body *cursor, o *tcp.Options, prevMPTCP *bool) *parseError {
	wasMPTCP := *prevMPTCP
	*prevMPTCP = false
	if set, ok := presenceOption(name); ok {
		o.Has |= set
		*prevMPTCP = set == tcp.OptMPTCP
		return nil
	}
	switch string(name) {
	case "mss":
		v, err := numberAfter(body, name, 1<<16-1)
		if err != nil {
			return err
		}
		o.Has |= tcp.OptMSS
		o.MSS = uint16(v)
	case "wscale":
		v, err := numberAfter(body, name, 255)
		if err != nil {
			return err
		}
		o.Has |= tcp.OptWScale
		o.WScale = uint8(v)
	case "TS":
		return timestampOption(body, o)
	case "sack":
		return sackOption(body, o)
	case "tfo", "exp-tfo":
		tfoOption(body, o)
	default:
		return otherOption(name, at, body, o, wasMPTCP, prevMPTCP)
	}
	return nil
}

// otherOption handles the option names without their own field: the named
// obsolete kinds, "exp-XXXX" (RFC 6994 experiments), "unknown-N", and text
// that continues an MPTCP option past a ','.
func otherOption(name []byte, at int, body *cursor, o *tcp.Options, wasMPTCP bool, prevMPTCP *bool) *parseError {
	if u, ok := namedKinds[string(name)]; ok {
		o.AddUnknown(u.Kind, u.Len)
		return nil
	}
	switch {
	case hasAt(name, 0, "unknown-"):
		kind, n, ok := parseUint(name[len("unknown-"):], 255)
		if !ok || len("unknown-")+n != len(name) {
			return errAt(at+len("unknown-"), `expected an option kind after "unknown-"`)
		}
		o.AddUnknown(uint8(kind), 2+hexBytes(body))
	case hasAt(name, 0, "exp-"):
		o.AddUnknown(254, 4+hexBytes(body))
	case wasMPTCP:
		*prevMPTCP = true
	default:
		return errAt(at, "unknown option name "+quote(name))
	}
	return nil
}

// hexBytes counts the data bytes of " 0x…" after an option name.
func hexBytes(body *cursor) uint8 {
	if !body.lit(" 0x") {
		return 0
	}
	n := body.hex() / 2
	if n > 253 {
		n = 253
	}
	return uint8(n)
}

// numberAfter reads " N" after an option's name.
func numberAfter(body *cursor, name []byte, max uint64) (uint64, *parseError) {
	if body.lit(" ") {
		if v, ok := body.uint(max); ok {
			return v, nil
		}
	}
	return 0, errAt(body.i, "expected a number after "+quote(name))
}

// timestampOption reads " val X ecr Y".
func timestampOption(body *cursor, o *tcp.Options) *parseError {
	if !body.lit(" val ") {
		return errAt(body.i, `expected "val" after "TS"`)
	}
	val, ok := body.u32()
	if !ok {
		return errAt(body.i, `expected a number after "TS val"`)
	}
	if !body.lit(" ecr ") {
		return errAt(body.i, `expected "ecr" after "TS val"`)
	}
	ecr, ok := body.u32()
	if !ok {
		return errAt(body.i, `expected a number after "ecr"`)
	}
	o.Has |= tcp.OptTimestamp
	o.TSVal, o.TSEcr = val, ecr
	return nil
}

// sackOption reads " N {a:b}{c:d}…" or " invalid sack". The edges are
// stored as printed; the relative-number replay adds the base later.
func sackOption(body *cursor, o *tcp.Options) *parseError {
	if body.lit(" invalid sack") {
		o.Has |= tcp.OptSACK | tcp.OptMalformed
		return nil
	}
	if !body.lit(" ") {
		return errAt(body.i, `expected a block count after "sack"`)
	}
	if _, ok := body.uint(255); !ok {
		return errAt(body.i, `expected a block count after "sack"`)
	}
	body.lit(" ")
	o.Has |= tcp.OptSACK
	for body.lit("{") {
		left, ok := body.u32()
		if !ok || !body.lit(":") {
			return errAt(body.i, `expected "left:right" in a SACK block`)
		}
		right, ok := body.u32()
		if !ok || !body.lit("}") {
			return errAt(body.i, `expected "left:right}" in a SACK block`)
		}
		o.AddSACK(left, right)
	}
	return nil
}

// tfoOption reads "cookiereq", "cookie HEX" or "invalid" after the name
// (RFC 7413). tcpdump 4.99 prints kind 34 as "tfo  cookie HEX", two
// spaces: the option loop's own space after the name, then the fast-open
// printer's " cookie"; "exp-tfo" has one.
func tfoOption(body *cursor, o *tcp.Options) {
	o.Has |= tcp.OptTFO
	o.TFOCookieLen = 0
	spaces := body.spaces()
	switch {
	case spaces > 0 && body.lit("cookiereq"):
	case spaces > 0 && body.lit("cookie "):
		o.TFOCookieLen = uint8(min(body.hex()/2, 255))
	default:
		o.Has |= tcp.OptMalformed
	}
}

// hasAt reports whether b holds s at offset i. Most tries fail at the
// first byte, which is compared before calling on the runtime to compare
// the rest.
func hasAt(b []byte, i int, s string) bool {
	return i >= 0 && len(b)-i >= len(s) && (len(s) == 0 || b[i] == s[0]) && string(b[i:i+len(s)]) == s
}
