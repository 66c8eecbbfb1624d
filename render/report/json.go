package report

import (
	"io"

	"github.com/pcaplint/pcaplint/rules"
)

// JSON prints one object for all inputs: each input's connections (as
// conns --format json prints them) and findings, and a summary.
type JSON struct{}

// JSONFinding is the JSON form of a finding. Line is set for text input,
// Packet for captures.
type JSONFinding struct {
	Rule     string      `json:"rule"`
	Severity string      `json:"severity"`
	Message  string      `json:"message"`
	Line     int         `json:"line,omitempty"`
	Packet   int         `json:"packet,omitempty"`
	Conn     JSONConnRef `json:"conn"`
}

// JSONConnRef names the connection of a finding.
type JSONConnRef struct {
	ID     int    `json:"id"`
	Client string `json:"client"`
	Server string `json:"server"`
}

// JSONLintFile is an input's connections and findings.
type JSONLintFile struct {
	JSONFile
	Findings []JSONFinding `json:"findings"`
}

// JSONSummary counts inputs and findings by severity.
type JSONSummary struct {
	Files    int            `json:"files"`
	Findings map[string]int `json:"findings"`
}

// NewJSONFinding converts a finding.
func NewJSONFinding(f *rules.Finding) JSONFinding {
	return JSONFinding{
		Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
		Line: f.Pos.Line, Packet: f.Pos.Packet,
		Conn: JSONConnRef{ID: f.Conn.ID, Client: f.Conn.Client.String(), Server: f.Conn.Server.String()},
	}
}

// Print implements Printer.
func (JSON) Print(w io.Writer, r *Report) error {
	out := struct {
		Files   []JSONLintFile `json:"files"`
		Summary JSONSummary    `json:"summary"`
	}{Files: []JSONLintFile{}}
	for i := range r.Files {
		f := &r.Files[i]
		jf := JSONLintFile{JSONFile: NewJSONFile(f), Findings: []JSONFinding{}}
		for j := range f.Findings {
			jf.Findings = append(jf.Findings, NewJSONFinding(&f.Findings[j]))
		}
		out.Files = append(out.Files, jf)
	}
	n := r.Counts()
	out.Summary = JSONSummary{Files: len(r.Files), Findings: map[string]int{
		"error": n[rules.Error], "warning": n[rules.Warning], "info": n[rules.Info]}}
	return writeJSON(w, out)
}
