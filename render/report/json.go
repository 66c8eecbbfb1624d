package report

import (
	"io"

	"github.com/pcaplint/pcaplint/rules"
)

// JSON prints one object for all inputs: each input's connections (as
// conns --format json prints them) and findings, and a summary.
type JSON struct {
	// Lang is the language of the findings' messages (English when
	// empty); rule IDs, severities and positions stay as they are.
	Lang rules.Lang
}

// JSONFinding is the JSON form of a finding. Line is set for text input,
// Packet for captures.
type JSONFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	// MessageLocalized is Message in the report's language (lint --lang),
	// when that is not English; Message stays English, for baselines
	// and tools.
	MessageLocalized string `json:"message_localized,omitempty"`
	Line             int    `json:"line,omitempty"`
	Packet           int    `json:"packet,omitempty"`
	// Offset is the packet's byte offset in the capture, so that a report
	// merged from JSON still points SARIF viewers at the packet.
	Offset int64       `json:"offset,omitempty"`
	Conn   JSONConnRef `json:"conn"`
}

// JSONConnRef names the connection of a finding.
type JSONConnRef struct {
	ID     int    `json:"id"`
	Client string `json:"client"`
	Server string `json:"server"`
}

// JSONLintFile is an input's connections and findings, and what of it
// could not be checked (always present, empty when everything was).
type JSONLintFile struct {
	JSONFile
	Findings    []JSONFinding   `json:"findings"`
	Unchecked   []JSONUnchecked `json:"unchecked"`
	CaptureLoss JSONCaptureLoss `json:"capture_loss"`
}

// JSONUnchecked is the JSON form of Unchecked: reason is a stable code
// (no-tcp, no-flags, no-time, link-type), all is true when nothing in the input
// could be checked.
type JSONUnchecked struct {
	Reason  string `json:"reason"`
	Count   int64  `json:"count"`
	All     bool   `json:"all"`
	Message string `json:"message"`
}

// JSONSummary counts inputs and findings by severity, and the inputs of
// which nothing could be checked. Unread counts the inputs an
// interruption left unread (left out when none).
type JSONSummary struct {
	Files      int            `json:"files"`
	Findings   map[string]int `json:"findings"`
	NotChecked int            `json:"not_checked"`
	Unread     int            `json:"unread,omitempty"`
}

// NewJSONFinding converts a finding.
func NewJSONFinding(f *rules.Finding) JSONFinding {
	return JSONFinding{
		Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
		Line: f.Pos.Line, Packet: f.Pos.Packet, Offset: f.Pos.Offset,
		Conn: JSONConnRef{ID: f.Conn.ID, Client: f.Conn.Client.String(), Server: f.Conn.Server.String()},
	}
}

// JSONReport is the top level of the JSON format. Incomplete, Unread,
// Skipped and Shard are left out when empty, so single-input reports
// keep their shape. Incomplete is true when an interruption left inputs
// unread: Unread lists them, with why ("not started", "abandoned while
// being read"), and Summary.Unread counts them.
type JSONReport struct {
	Files      []JSONLintFile `json:"files"`
	Summary    JSONSummary    `json:"summary"`
	Incomplete bool           `json:"incomplete,omitempty"`
	Unread     []JSONSkip     `json:"unread,omitempty"`
	Skipped    []JSONSkip     `json:"skipped,omitempty"`
	Shard      *JSONShard     `json:"shard,omitempty"`
}

// JSONSkip is a file listed but not read, and why.
type JSONSkip struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// JSONShard is the part of a batch a report covers (K from 0 to N-1) and
// every input that fell into it, read or skipped.
type JSONShard struct {
	K      int      `json:"k"`
	N      int      `json:"n"`
	Inputs []string `json:"inputs"`
}

// Print implements Printer: it streams the report with a JSONWriter.
func (p JSON) Print(w io.Writer, r *Report) error {
	jw := NewJSONWriter(w)
	jw.Lang = p.Lang
	return printEach(jw, r, nil)
}

// NewJSONReport converts a report to its JSON form.
func NewJSONReport(r *Report) *JSONReport {
	out := &JSONReport{Files: []JSONLintFile{}}
	for i := range r.Files {
		out.Files = append(out.Files, newJSONLintFile(&r.Files[i]))
	}
	out.tail(r)
	out.Summarize()
	return out
}

// tail converts what follows the files in r: the inputs an interruption
// left unread, the skipped files and the shard.
func (j *JSONReport) tail(r *Report) {
	for _, s := range r.Interrupted {
		j.Unread = append(j.Unread, JSONSkip(s))
	}
	j.Incomplete = len(j.Unread) > 0
	for _, s := range r.Skipped {
		j.Skipped = append(j.Skipped, JSONSkip(s))
	}
	if r.Shard != nil {
		j.Shard = &JSONShard{K: r.Shard.K, N: r.Shard.N, Inputs: r.Shard.Inputs}
	}
}

// newJSONLintFile converts one input's result; connections in a spool
// are left for the writer.
func newJSONLintFile(f *File) JSONLintFile {
	jf := JSONLintFile{JSONFile: NewJSONFile(f), Findings: []JSONFinding{}, Unchecked: []JSONUnchecked{}}
	for j := range f.Findings {
		jf.Findings = append(jf.Findings, NewJSONFinding(&f.Findings[j]))
	}
	for _, u := range f.Unchecked {
		jf.Unchecked = append(jf.Unchecked, JSONUnchecked(u))
	}
	jf.CaptureLoss = newJSONCaptureLoss(f)
	return jf
}

// Summarize counts the files and findings into the summary.
func (j *JSONReport) Summarize() {
	j.Summary = JSONSummary{Findings: zeroCounts()}
	for i := range j.Files {
		j.Summary.add(&j.Files[i])
	}
	j.Summary.Unread = len(j.Unread)
}

// add counts one more file into the summary.
func (s *JSONSummary) add(f *JSONLintFile) {
	s.Files++
	for _, fd := range f.Findings {
		s.Findings[fd.Severity]++
	}
	for _, u := range f.Unchecked {
		if u.All {
			s.NotChecked++
			break
		}
	}
}

// Write prints the report as the JSON format does.
func (j *JSONReport) Write(w io.Writer) error { return writeJSON(w, j) }

// zeroCounts are the summary's counts of findings before any: a zero for
// each severity's name.
func zeroCounts() map[string]int {
	m := make(map[string]int, len(rules.Severities))
	for _, s := range rules.Severities {
		m[s.String()] = 0
	}
	return m
}
