package tcpdump

import (
	"bytes"
	"strconv"
)

// detectLines is how many of the first lines DetectPrefix looks at.
const detectLines = 200

// JobLogLines is how many of the first lines DetectPrefix and SniffPrefix
// look at in a CI job's log, whose every line starts with an RFC 3339
// timestamp (GitHub Actions, GitLab, kubectl --timestamps): the job's own
// output, a build or a test run of hundreds to a couple of thousand
// lines, may come before tcpdump's first line. Other logs keep the
// shorter look (detectLines, ForeignLines), as text that is not a log
// says sooner what it is.
const JobLogLines = 2000

// bom is the UTF-8 byte order mark GitHub Actions writes before a raw
// log's first line.
const bom = "\xef\xbb\xbf"

// DetectPrefix recognises a log collector's prefix in head, the first
// bytes of a log: the first line whose rest after a known prefix is
// tcpdump's (a packet line or a banner) decides the prefix, and the other
// lines of head must bear it out (every line has a prefix made of a
// timestamp only; another service's lines may come between those of a
// named one). It returns nil for tcpdump's own text, which is read as it
// is, and for a log it does not recognise. Only whole lines are looked at.
func DetectPrefix(head []byte) *LogPrefix {
	lines := headLines(head)
	for _, line := range lines {
		if isBlank(line) {
			continue
		}
		if p := learnPrefix(line); p != nil {
			if p.holds(lines) {
				return p
			}
			return nil
		}
		if isPacketLine(line) || isBanner(line) {
			return nil
		}
	}
	return nil
}

// headLines splits head into its whole lines, at most detectLines, or
// JobLogLines while they are a CI job's, the byte order mark dropped from
// the first.
func headLines(head []byte) [][]byte {
	head = bytes.TrimPrefix(head, []byte(bom))
	var lines [][]byte
	job := true
	for len(lines) < detectLines || job && len(lines) < JobLogLines {
		k := bytes.IndexByte(head, '\n')
		if k < 0 {
			break
		}
		line := trimEOL(head[:k+1])
		job = job && isJobLine(line)
		lines = append(lines, line)
		head = head[k+1:]
	}
	return lines
}

// IsJobLog reports whether the whole lines of head, the first bytes of an
// input, are a CI job's log: each starts with an RFC 3339 timestamp.
func IsJobLog(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte(bom))
	seen := false
	for {
		k := bytes.IndexByte(head, '\n')
		if k < 0 {
			return seen
		}
		if !isJobLine(trimEOL(head[:k])) {
			return false
		}
		seen, head = true, head[k+1:]
	}
}

// isJobLine reports a line of a CI job's log: it starts with an RFC 3339
// timestamp, or is blank.
func isJobLine(line []byte) bool { return matchRFC3339(line, 0) >= 0 || isBlank(line) }

// learnPrefix tries each kind of prefix on line, and returns the first
// after which tcpdump's text follows, with the parts that are the same on
// every line (a service name, a host and process) taken from line. A CI
// job's timestamp may come before a lead: the job ran docker compose logs
// or kubectl logs.
func learnPrefix(line []byte) *LogPrefix {
	if p := learnAfter(line, 0); p != nil {
		return p
	}
	if o := matchRFC3339(line, 0); o > 0 && o < len(line) {
		if p := learnAfter(line, o); p != nil && len(p.lead) > 0 {
			p.job = true
			p.what = p.describe()
			return p
		}
	}
	return nil
}

// learnAfter is learnPrefix for a prefix that starts at line[o:].
func learnAfter(line []byte, o int) *LogPrefix {
	leads := [...]func([]byte, int) int{noLead, matchCompose, matchKubectl}
	for li, lead := range leads {
		i := lead(line, o)
		if i < 0 {
			continue
		}
		for st := cstampNone; st <= cstampEpoch; st++ {
			j := i
			if st != cstampNone {
				j = st.match(line, i)
			}
			if j < 0 || j == len(line) || li == 0 && st == cstampNone {
				continue
			}
			for _, tail := range [...]tailKind{tailNone, tailGitLab, tailJournal} {
				p := &LogPrefix{lead: line[o:i], stamp: st, tail: tail}
				k := j
				switch tail {
				case tailGitLab:
					k = matchGitLab(line, j)
				case tailJournal:
					if st == cstampNone {
						continue
					}
					if k = matchJournal(line, j); k >= 0 {
						p.ident = line[j:k]
					}
				}
				if k >= 0 && k < len(line) && tcpdumpFollows(line[k:], st) {
					p.lead, p.ident = bytes.Clone(p.lead), bytes.Clone(p.ident)
					p.what = p.describe()
					return p
				}
			}
		}
	}
	return nil
}

// tcpdumpFollows reports whether rest, a line after a prefix, is tcpdump's:
// a packet line or a banner; after a timestamp tcpdump prints itself, only
// a packet line with its own timestamp or number.
func tcpdumpFollows(rest []byte, st collectorStamp) bool {
	if st.ambiguous() {
		return isPacketStart(rest) && isPacketLine(rest)
	}
	return isPacketLine(rest) || isBanner(rest)
}

// holds reports whether the lines bear the prefix out: those with a
// timestamp alone for a prefix must all have it.
func (p *LogPrefix) holds(lines [][]byte) bool {
	named := len(p.lead) > 0 || p.tail == tailJournal
	for _, line := range lines {
		if !named && !isBlank(line) && p.strip(line) < 0 {
			return false
		}
	}
	return true
}

// describe says what the prefix is, in the words of the tools that write
// it.
func (p *LogPrefix) describe() string {
	var parts []string
	if p.job {
		parts = append(parts, cstampNames[cstampRFC3339])
	}
	switch {
	case hasAt(p.lead, 0, "[pod/"):
		parts = append(parts, "kubectl logs --prefix "+strconv.Quote(string(p.lead)))
	case len(p.lead) > 0:
		parts = append(parts, "docker compose logs' service "+strconv.Quote(string(p.lead)))
	}
	switch {
	case p.tail == tailGitLab:
		parts = append(parts, "GitLab Runner's timestamp and stream")
	case p.stamp != cstampNone:
		parts = append(parts, cstampNames[p.stamp])
	}
	if p.tail == tailJournal {
		parts = append(parts, "journalctl's "+strconv.Quote(string(p.ident)))
	}
	s := parts[0]
	for _, part := range parts[1:] {
		s += ", then " + part
	}
	return s
}
