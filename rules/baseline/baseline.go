// Package baseline records the findings a project has accepted, so that a
// later run reports and fails on new findings only. Its file is JSON:
//
//	{"version": 1, "findings": [{"file": "logs/api.txt", "client": "10.0.0.1",
//	  "server": "10.0.0.2:80", "rule": "rst-unexpected",
//	  "fingerprint": "RST from server #.#.#.#:# with # bytes ...", "count": 1,
//	  "message": "RST from server 10.0.0.2:80 with 0 bytes ..."}]}
//
// A finding matches an entry when all of these are equal (the Key):
//
//   - file: the input's path as given on the command line, with forward
//     slashes ("-" for standard input);
//   - client: the client's address (or host name), without its port, which
//     is ephemeral and changes whenever the traffic is recorded again;
//   - server: the server's address and port;
//   - rule: the rule ID;
//   - fingerprint: the message with every run of digits replaced by "#",
//     so that sequence numbers, byte counts and times may change, and every
//     duration, whatever its unit, by one "#" ("1.181s" and "953ms" are the
//     same finding: a duration's unit follows its size).
//
// Line and packet numbers are not part of the key: a finding that moves in
// a re-recorded log is still known. count says how many findings share the
// key; more than that are new. message is the first such message, for
// readers, and is not compared.
//
// The package knows findings only (rules), not reports: the root package
// pcaplint applies a baseline to a report.
package baseline

import (
	"cmp"
	"iter"
	"slices"

	"github.com/pcaplint/pcaplint/rules"
)

// Version is the version of the baseline file this package writes and reads.
const Version = 1

// Baseline is the findings accepted, one Entry per Key.
type Baseline struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one key of a baseline and how many findings have it.
type Entry struct {
	Key
	Count   int    `json:"count"`
	Message string `json:"message"`
}

// New records every finding of the inputs, given as each input's path
// and findings, sorted by file, server, client, rule and fingerprint so
// that the same findings always make the same file.
func New(inputs iter.Seq2[string, []rules.Finding]) *Baseline {
	byKey := map[Key]*Entry{}
	b := &Baseline{Version: Version, Findings: []Entry{}}
	for path, fds := range inputs {
		for i := range fds {
			k := KeyOf(&fds[i], path)
			if e, ok := byKey[k]; ok {
				e.Count++
				continue
			}
			byKey[k] = &Entry{Key: k, Count: 1, Message: fds[i].Message}
		}
	}
	for _, e := range byKey {
		b.Findings = append(b.Findings, *e)
	}
	slices.SortFunc(b.Findings, func(x, y Entry) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Server, y.Server), cmp.Compare(x.Client, y.Client),
			cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Fingerprint, y.Fingerprint))
	})
	return b
}
