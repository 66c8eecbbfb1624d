package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

// A baseline records the findings a project has accepted, so that lint
// --baseline fails only on new ones. Its file is JSON:
//
//	{"version": 1, "findings": [{"file": "logs/api.txt", "client": "10.0.0.1",
//	  "server": "10.0.0.2:80", "rule": "rst-unexpected",
//	  "fingerprint": "RST from server #.#.#.#:# with # bytes ...", "count": 1,
//	  "message": "RST from server 10.0.0.2:80 with 0 bytes ..."}]}
//
// A finding matches an entry when all of these are equal (the key):
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
type baseline struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

// baselineEntry is one key of a baseline and how many findings have it.
type baselineEntry struct {
	baselineKey
	Count   int    `json:"count"`
	Message string `json:"message"`
}

// baselineKey identifies a finding across runs; see baseline.
type baselineKey struct {
	File        string `json:"file"`
	Client      string `json:"client"`
	Server      string `json:"server"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
}

var digits = regexp.MustCompile(`[0-9]+`)

// durations matches a duration in a message whose digits are already "#",
// as Go prints it ("#.#s", "#ms", "#µs", "#m#.#s"), and so also in the
// fingerprints of baselines written before durations were folded.
var durations = regexp.MustCompile(`(#(\.#)?(ns|µs|μs|us|ms|h|m|s))+\b`)

// fingerprint is the part of a baseline key made from a message.
func fingerprint(msg string) string {
	return foldDurations(digits.ReplaceAllString(msg, "#"))
}

// foldDurations writes every duration of a fingerprint as one "#".
func foldDurations(fp string) string { return durations.ReplaceAllString(fp, "#") }

// keyOf is the baseline key of a finding read from the input path.
func keyOf(fd *rules.Finding, path string) baselineKey {
	file := fd.Pos.File
	if file == "" {
		file = path
	}
	if file != "-" {
		file = filepath.ToSlash(filepath.Clean(file))
	}
	return baselineKey{
		File:        file,
		Client:      fd.Conn.Client.Host(),
		Server:      fd.Conn.Server.String(),
		Rule:        fd.Rule,
		Fingerprint: fingerprint(fd.Message),
	}
}

// newBaseline records every finding of rep.
func newBaseline(rep *report.Report) *baseline {
	byKey := map[baselineKey]*baselineEntry{}
	b := &baseline{Version: 1, Findings: []baselineEntry{}}
	for _, f := range rep.Files {
		for i := range f.Findings {
			k := keyOf(&f.Findings[i], f.Path)
			if e, ok := byKey[k]; ok {
				e.Count++
				continue
			}
			byKey[k] = &baselineEntry{baselineKey: k, Count: 1, Message: f.Findings[i].Message}
		}
	}
	for _, e := range byKey {
		b.Findings = append(b.Findings, *e)
	}
	slices.SortFunc(b.Findings, func(x, y baselineEntry) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Server, y.Server), cmp.Compare(x.Client, y.Client),
			cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Fingerprint, y.Fingerprint))
	})
	return b
}

// filter removes from rep the findings the baseline knows, up to each
// key's count, and returns how many it removed.
func (b *baseline) filter(rep *report.Report) int {
	left := map[baselineKey]int{}
	for _, e := range b.Findings {
		k := e.baselineKey
		k.Fingerprint = foldDurations(k.Fingerprint) // a baseline of an earlier version
		left[k] += e.Count
	}
	removed := 0
	for i := range rep.Files {
		f := &rep.Files[i]
		kept := f.Findings[:0]
		for j := range f.Findings {
			k := keyOf(&f.Findings[j], f.Path)
			if left[k] > 0 {
				left[k]--
				removed++
				continue
			}
			kept = append(kept, f.Findings[j])
		}
		f.Findings = kept
	}
	return removed
}

// readBaseline reads --baseline FILE, at most maxMiB MiB of it; no name
// is no baseline.
func readBaseline(path string, maxMiB int) (*baseline, error) {
	if path == "" {
		return nil, nil
	}
	data, err := readJSONFile(path, maxMiB)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("--baseline %s: no such file; record the current findings with --write-baseline %s", path, path)
	}
	if err != nil {
		return nil, fmt.Errorf("--baseline: %w", err)
	}
	var b baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		// No suggestion to overwrite path: it may be any file at all.
		return nil, fmt.Errorf("--baseline %s: not a pcaplint baseline: %v", path, err)
	}
	if b.Version != 1 {
		return nil, fmt.Errorf("--baseline %s: version %d, this pcaplint reads version 1", path, b.Version)
	}
	return &b, nil
}

// writeTo writes the baseline as indented JSON.
func (b *baseline) writeTo(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}

// applyBaseline does --write-baseline (recording every finding of rep)
// and then --baseline (dropping the known ones from rep), with a note on
// stderr for each.
func applyBaseline(stderr io.Writer, rep *report.Report, known *baseline, writePath string) error {
	if writePath != "" {
		b := newBaseline(rep)
		var buf bytes.Buffer
		if err := b.writeTo(&buf); err != nil {
			return err
		}
		if err := writeOutputFile(writePath, writeBytes(buf.Bytes())); err != nil {
			return fmt.Errorf("--write-baseline: %w", err)
		}
		fmt.Fprintf(stderr, "pcaplint: note: recorded %s in %s\n", findings(countFindings(rep)), writePath)
	}
	if known != nil {
		if n := known.filter(rep); n > 0 {
			fmt.Fprintf(stderr, "pcaplint: note: %s known in the baseline not shown\n", findings(n))
		}
	}
	return nil
}

// countFindings counts the findings of every input.
func countFindings(rep *report.Report) int {
	n := 0
	for _, f := range rep.Files {
		n += len(f.Findings)
	}
	return n
}

// findings is "1 finding" or "n findings".
func findings(n int) string {
	if n == 1 {
		return "1 finding"
	}
	return fmt.Sprintf("%d findings", n)
}
