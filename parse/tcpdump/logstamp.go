package tcpdump

// The timestamps log collectors put before each line (docs/ci.md,
// "Logs with a collector's prefix"). Each matcher reads one form at b[i:]
// including the space after it, and returns where the prefix goes on, or
// -1. A stamp that ends the line, without its space, matches too: a
// collector's prefix before an empty line.

// collectorStamp is the form of a collector's timestamp.
type collectorStamp uint8

const (
	cstampNone    collectorStamp = iota
	cstampRFC3339                // 2026-05-01T12:00:00.1234567Z: kubectl --timestamps, GitHub Actions, GitLab, docker -t, journalctl -o short-iso
	cstampSyslog                 // May 01 12:00:00[.123456]: journalctl, ts
	cstampElapsed                // 00:00:01: ts -s, ts -i
	cstampClock                  // 12:00:00.123456: ts "%.T"; tcpdump's own default form too
	cstampEpoch                  // 1714564800.123456: ts "%.s"; tcpdump's own -tt form too
)

// cstampNames say which tools print each form, for the note that a prefix
// was stripped.
var cstampNames = [...]string{
	cstampRFC3339: "an RFC 3339 timestamp (kubectl logs --timestamps, GitHub Actions)",
	cstampSyslog:  "a syslog timestamp",
	cstampElapsed: "an elapsed time (ts -s or -i)",
	cstampClock:   `a time of day (ts "%.T")`,
	cstampEpoch:   `a Unix time (ts "%.s")`,
}

// ambiguous reports a form tcpdump prints itself: stripped only when a
// tcpdump timestamp or packet number follows it, as tcpdump never prints
// two.
func (k collectorStamp) ambiguous() bool { return k == cstampClock || k == cstampEpoch }

// match reads the form k at b[i:].
func (k collectorStamp) match(b []byte, i int) int {
	switch k {
	case cstampRFC3339:
		return matchRFC3339(b, i)
	case cstampSyslog:
		return matchSyslog(b, i)
	case cstampElapsed:
		return spaceOrEnd(b, matchHMS(b, i))
	case cstampClock:
		return spaceOrEnd(b, matchFraction(b, matchHMS(b, i)))
	case cstampEpoch:
		return spaceOrEnd(b, matchFraction(b, matchDigits(b, i, 1, 12)))
	}
	return -1
}

// matchRFC3339 reads YYYY-MM-DDTHH:MM:SS[.F…](Z|±HH:MM|±HHMM); the
// fraction is optional, as Go's RFC3339Nano (kubectl, docker) leaves it
// out at a whole second.
func matchRFC3339(b []byte, i int) int {
	i = matchDigits(b, i, 4, 4)
	i = matchByte(b, i, '-')
	i = matchDigits(b, i, 2, 2)
	i = matchByte(b, i, '-')
	i = matchDigits(b, i, 2, 2)
	i = matchByte(b, i, 'T')
	i = matchOptFraction(b, matchHMS(b, i))
	if i < 0 || i >= len(b) {
		return -1
	}
	switch b[i] {
	case 'Z':
		i++
	case '+', '-':
		i = matchDigits(b, i+1, 2, 2)
		if j := matchByte(b, i, ':'); j >= 0 {
			i = j
		}
		i = matchDigits(b, i, 2, 2)
	default:
		return -1
	}
	return spaceOrEnd(b, i)
}

// monthNames are the abbreviations of strftime's %b in the C locale.
var monthNames = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// matchSyslog reads "Mon DD HH:MM:SS[.F…]", the day as %d ("May 01",
// journalctl, ts) or as syslog's %e ("May  1").
func matchSyslog(b []byte, i int) int {
	if i < 0 || len(b)-i < 4 || b[i+3] != ' ' {
		return -1
	}
	known := false
	for _, m := range monthNames {
		if string(b[i:i+3]) == m {
			known = true
		}
	}
	if !known {
		return -1
	}
	i += 4
	if j := matchByte(b, i, ' '); j >= 0 {
		i = matchDigits(b, j, 1, 1)
	} else {
		i = matchDigits(b, i, 2, 2)
	}
	i = matchByte(b, i, ' ')
	return spaceOrEnd(b, matchOptFraction(b, matchHMS(b, i)))
}

// matchHMS reads HH:MM:SS.
func matchHMS(b []byte, i int) int {
	i = matchDigits(b, i, 2, 2)
	i = matchByte(b, i, ':')
	i = matchDigits(b, i, 2, 2)
	i = matchByte(b, i, ':')
	return matchDigits(b, i, 2, 2)
}

// matchFraction reads "." and at least one digit.
func matchFraction(b []byte, i int) int { return matchDigits(b, matchByte(b, i, '.'), 1, 12) }

// matchOptFraction reads a matchFraction if there is one.
func matchOptFraction(b []byte, i int) int {
	if j := matchFraction(b, i); j >= 0 {
		return j
	}
	return i
}

// matchDigits reads between least and most decimal matchDigits.
func matchDigits(b []byte, i, least, most int) int {
	if i < 0 {
		return -1
	}
	n := 0
	for i+n < len(b) && n < most && b[i+n] >= '0' && b[i+n] <= '9' {
		n++
	}
	if n < least || i+n < len(b) && n == most && b[i+n] >= '0' && b[i+n] <= '9' {
		return -1
	}
	return i + n
}

// matchByte reads the byte ch.
func matchByte(b []byte, i int, ch byte) int {
	if i < 0 || i >= len(b) || b[i] != ch {
		return -1
	}
	return i + 1
}

// spaceOrEnd reads the space after a part, or the end of the line.
func spaceOrEnd(b []byte, i int) int {
	if i == len(b) {
		return i
	}
	return matchByte(b, i, ' ')
}
