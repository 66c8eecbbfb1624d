package tcpdump

import (
	"bytes"
	"regexp"
	"strconv"
)

// A LogPrefix is what a log collector writes before each line of
// tcpdump's output: docker compose's service name, kubectl's pod and
// container or its timestamp, the timestamps of GitHub Actions and GitLab
// job logs, journalctl's date, host and process, or moreutils ts's time
// (docs/ci.md). The reader strips it from every line, keeping columns
// counted in the original line; a line without it is not tcpdump's (another
// service's, in docker compose logs) and is counted as a line that is not
// a packet.
type LogPrefix struct {
	// job is set for a CI job's RFC 3339 timestamp before lead: the job
	// ran docker compose logs or kubectl logs --prefix.
	job   bool
	lead  []byte // the same on every line, before any timestamp but job's: "tcpdump-1  | ", "[pod/web-0/tcpdump] "
	stamp collectorStamp
	tail  tailKind
	ident []byte // for tailJournal: "host tcpdump[812]: "
	re    *regexp.Regexp
	what  string
}

// tailKind is what follows a collector's timestamp.
type tailKind uint8

const (
	tailNone    tailKind = iota
	tailGitLab           // GitLab Runner's stream and type, "00O " ("00O+ " goes on the line before)
	tailJournal          // journalctl's "host ident[pid]: ", the same on every line
)

// RegexpPrefix is the prefix re matches at the start of each line
// (--strip-prefix); the regular expression is anchored there.
func RegexpPrefix(re *regexp.Regexp) (*LogPrefix, error) {
	anchored, err := regexp.Compile(`^(?:` + re.String() + `)`)
	if err != nil {
		return nil, err
	}
	return &LogPrefix{re: anchored, what: "--strip-prefix " + strconv.Quote(re.String())}, nil
}

// String says which prefix it is, for the note that it was stripped.
func (p *LogPrefix) String() string { return p.what }

// strip returns the length of the prefix at the start of line, or -1 when
// the line does not have it.
func (p *LogPrefix) strip(line []byte) int {
	if p.re != nil {
		if loc := p.re.FindIndex(line); loc != nil {
			return loc[1]
		}
		return -1
	}
	i := 0
	if p.job {
		if i = matchRFC3339(line, 0); i < 0 || i == len(line) {
			return i
		}
	}
	if len(p.lead) > 0 {
		if !bytes.HasPrefix(line[i:], p.lead) {
			if bytes.Equal(line[i:], bytes.TrimRight(p.lead, " ")) {
				return len(line) // the prefix of an empty line, its space trimmed
			}
			return -1
		}
		i += len(p.lead)
	}
	if p.stamp != cstampNone {
		i = p.stamp.match(line, i)
	}
	return p.tailAt(line, i)
}

// tailAt reads the prefix's tail at line[i:].
func (p *LogPrefix) tailAt(line []byte, i int) int {
	if i < 0 || i == len(line) {
		return i
	}
	switch p.tail {
	case tailGitLab:
		return matchGitLab(line, i)
	case tailJournal:
		if bytes.HasPrefix(line[i:], p.ident) {
			return i + len(p.ident)
		}
		if bytes.Equal(line[i:], bytes.TrimRight(p.ident, " ")) {
			return len(line) // before an empty line
		}
		return -1
	}
	return i
}

// matchGitLab reads GitLab Runner's "00O " after the timestamp: two hex
// matchDigits of stream, O or E for stdout or stderr, "+" when the line goes on
// the one before.
func matchGitLab(b []byte, i int) int {
	if len(b)-i < 3 || !isHex(b[i]) || !isHex(b[i+1]) || b[i+2] != 'O' && b[i+2] != 'E' {
		return -1
	}
	i += 3
	if i < len(b) && b[i] == '+' {
		i++
	}
	return spaceOrEnd(b, i)
}

// matchCompose reads docker compose's service prefix, "NAME  | ", at
// b[i:], the names padded to one width, the whole possibly in ANSI
// colours.
func matchCompose(b []byte, i int) int {
	i = skipSGR(b, i)
	n := 0
	for i+n < len(b) && isNameByte(b[i+n]) {
		n++
	}
	if n == 0 {
		return -1
	}
	i += n
	for i < len(b) && b[i] == ' ' {
		i++
	}
	i = skipSGR(b, matchByte(b, skipSGR(b, i), '|'))
	return skipSGR(b, spaceOrEnd(b, i)) // the colour may end after the space
}

// matchKubectl reads kubectl logs --prefix's "[pod/NAME/CONTAINER] " at
// b[i:].
func matchKubectl(b []byte, i int) int {
	if !hasAt(b, i, "[pod/") {
		return -1
	}
	k := bytes.IndexByte(b[i:], ']')
	if k < 0 || bytes.IndexByte(b[i:i+k], ' ') >= 0 {
		return -1
	}
	return spaceOrEnd(b, i+k+1)
}

// noLead reads no lead: the prefix starts with a timestamp.
func noLead(_ []byte, i int) int { return i }

// matchJournal reads journalctl's "host ident[pid]: " or "host ident: ".
func matchJournal(b []byte, i int) int {
	if i < 0 {
		return -1
	}
	sp := bytes.IndexByte(b[i:], ' ')
	if sp <= 0 {
		return -1
	}
	j := i + sp + 1
	colon := bytes.Index(b[j:], []byte(": "))
	if colon <= 0 || bytes.IndexByte(b[j:j+colon], ' ') >= 0 {
		return -1
	}
	return j + colon + 2
}

func isNameByte(ch byte) bool {
	return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_' || ch == '.'
}

// skipSGR skips ANSI colour sequences, ESC [ matchDigits and semicolons m.
func skipSGR(b []byte, i int) int {
	for i >= 0 && i+1 < len(b) && b[i] == 0x1b && b[i+1] == '[' {
		j := i + 2
		for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == ';') {
			j++
		}
		if j >= len(b) || b[j] != 'm' {
			return i
		}
		i = j + 1
	}
	return i
}

// onlyTerminalControls reports a line whose bytes tcpdump never prints
// are all a terminal's: ANSI escape sequences (ESC [ … letter) and
// carriage returns, as CI logs colour their own lines and GitLab marks its
// sections ("section_start:…\r\x1b[0K").
func onlyTerminalControls(b []byte) bool {
	for i := 0; i < len(b); i++ {
		switch ch := b[i]; {
		case ch == 0x1b && i+1 < len(b) && b[i+1] == '[':
			j := i + 2
			for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == ';' || b[j] == '?') {
				j++
			}
			if j >= len(b) {
				return false
			}
			i = j
		case ch == '\r', ch == '\t':
		case ch < 0x20 || ch == 0x7f:
			return false
		}
	}
	return true
}
