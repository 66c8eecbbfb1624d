package report

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/pcaplint/pcaplint/internal/spill"
	"github.com/pcaplint/pcaplint/rules"
)

// SARIF prints a SARIF 2.1.0 log, which code-scanning services (GitHub,
// GitLab, Azure DevOps) read. Text inputs are located by line; captures,
// which have no lines, by the byte offset of the packet's record, with the
// packet number in the result's properties and the connection as a
// logical location.
type SARIF struct {
	// Checks document the rules in the driver.
	Checks []*rules.Check
	// Version is pcaplint's version.
	Version string
	// Lang is the language of the findings' messages (English when
	// empty); rule IDs, severities and positions stay as they are.
	Lang rules.Lang
}

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	projectURI   = "https://github.com/pcaplint/pcaplint"
)

type sarifLog struct {
	Version string     `json:"version"`
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool            `json:"tool"`
	Invocations []sarifInvocation    `json:"invocations"`
	Artifacts   []sarifArtifactEntry `json:"artifacts"`
	Results     []sarifResult        `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	ShortDescription     sarifText     `json:"shortDescription"`
	FullDescription      *sarifText    `json:"fullDescription,omitempty"`
	Help                 *sarifText    `json:"help,omitempty"`
	DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRuleConf struct {
	Enabled bool   `json:"enabled"`
	Level   string `json:"level"`
}

type sarifResult struct {
	RuleID     string          `json:"ruleId"`
	RuleIndex  int             `json:"ruleIndex"`
	Level      string          `json:"level"`
	Message    sarifText       `json:"message"`
	Locations  []sarifLocation `json:"locations"`
	Properties map[string]any  `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine  int    `json:"startLine,omitempty"`
	ByteOffset *int64 `json:"byteOffset,omitempty"`
}

type sarifLogical struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

// sarifLevels map severities to SARIF's result levels.
var sarifLevels = map[rules.Severity]string{rules.Off: "none", rules.Info: "note", rules.Warning: "warning", rules.Error: "error"}

func sarifLevel(s rules.Severity) string { return sarifLevels[s] }

// Print implements Printer.
func (p SARIF) Print(w io.Writer, r *Report) error {
	sw := p.Writer(w)
	return printEach(sw, r, sw.close)
}

// SARIFWriter prints a SARIF log one input at a time, as each is done, so
// that the report of many inputs is never held whole. The log's one run
// lists the notifications of every input, then every input, then every
// result, and begins with the rules and whether the run succeeded: each
// input's part of the three lists goes, encoded at the depth it sits at,
// into a spill of its own (memory up to a megabyte, a temporary file
// beyond), and Close writes the log around them, byte for byte what
// encoding the whole log writes.
type SARIFWriter struct {
	p       SARIF
	w       io.Writer
	driver  sarifDriver
	index   map[string]int
	success bool
	// notes, artifacts and results are the run's three lists, n of each
	// written.
	notes, artifacts, results sarifList
}

// sarifList is one list of the run, its elements written to a spill.
type sarifList struct {
	key    string // the list's key, as encoding the run without elements writes it
	indent string // an element's indentation
	n      int
	data   spill.Buffer
}

// Writer starts a SARIF log on w.
func (p SARIF) Writer(w io.Writer) *SARIFWriter {
	s := &SARIFWriter{p: p, w: w, index: map[string]int{}, success: true,
		driver:    sarifDriver{Name: "pcaplint", Version: p.Version, InformationURI: projectURI, Rules: []sarifRule{}},
		notes:     sarifList{key: `"toolExecutionNotifications": [`, indent: strings.Repeat("  ", 6), data: spill.Buffer{Memory: spillMemory}},
		artifacts: sarifList{key: `"artifacts": [`, indent: strings.Repeat("  ", 4), data: spill.Buffer{Memory: spillMemory}},
		results:   sarifList{key: `"results": [`, indent: strings.Repeat("  ", 4), data: spill.Buffer{Memory: spillMemory}}}
	for _, c := range p.Checks {
		s.addRule(checkRule(c))
	}
	return s
}

func (s *SARIFWriter) addRule(rule sarifRule) {
	s.index[rule.ID] = len(s.driver.Rules)
	s.driver.Rules = append(s.driver.Rules, rule)
}

// add writes v as the list's next element.
func (l *sarifList) add(v any) error {
	b, err := json.MarshalIndent(v, l.indent, "  ")
	if err != nil {
		return err
	}
	sep := ",\n"
	if l.n == 0 {
		sep = "\n"
	}
	l.n++
	if _, err := io.WriteString(&l.data, sep+l.indent); err != nil {
		return err
	}
	_, err = l.data.Write(b)
	return err
}

// File adds one input's notifications, its entry among the inputs and its
// findings.
func (s *SARIFWriter) File(f *File) error {
	notes, ok := sarifNotificationsOf(f, s.p.Lang)
	s.success = s.success && ok
	for i := range notes {
		if err := s.notes.add(&notes[i]); err != nil {
			return err
		}
	}
	if err := s.artifacts.add(sarifArtifactOf(f)); err != nil {
		return err
	}
	for i := range f.Findings {
		fd := &f.Findings[i]
		if _, ok := s.index[fd.Rule]; !ok {
			s.addRule(sarifRule{ID: fd.Rule, ShortDescription: sarifText{Text: "custom rule " + fd.Rule},
				DefaultConfiguration: sarifRuleConf{Enabled: true, Level: sarifLevel(fd.Severity)}})
		}
		res := sarifFinding(fd, f.Path, s.index[fd.Rule], s.p.Lang)
		if err := s.results.add(&res); err != nil {
			return err
		}
	}
	return nil
}

// Close prints the log: the rules, whether the run succeeded, and the
// lists File filled, with the notifications of the inputs an interruption
// left unread. r's files are not printed again.
func (s *SARIFWriter) Close(r *Report) error {
	defer s.close()
	for _, n := range sarifInterrupted(r) {
		s.success = false
		if err := s.notes.add(&n); err != nil {
			return err
		}
	}
	run := sarifRun{Invocations: []sarifInvocation{{ExecutionSuccessful: s.success, ToolExecutionNotifications: []sarifNotification{}}},
		Artifacts: []sarifArtifactEntry{}, Results: []sarifResult{}}
	run.Tool.Driver = s.driver
	var doc bytes.Buffer
	if err := writeJSON(&doc, sarifLog{Version: sarifVersion, Schema: sarifSchema, Runs: []sarifRun{run}}); err != nil {
		return err
	}
	b := doc.Bytes()
	for _, l := range []*sarifList{&s.notes, &s.artifacts, &s.results} {
		// The list was encoded empty, "[]": its elements go between
		// the brackets, and the closing one on a line of its own.
		at := bytes.Index(b, []byte(l.key+"]")) + len(l.key)
		if _, err := s.w.Write(b[:at]); err != nil {
			return err
		}
		b = b[at:]
		if l.n == 0 {
			continue
		}
		if _, err := l.data.WriteTo(s.w); err != nil {
			return err
		}
		if _, err := io.WriteString(s.w, "\n"+l.indent[2:]); err != nil {
			return err
		}
	}
	_, err := s.w.Write(b)
	return err
}

// close removes the lists' temporary files.
func (s *SARIFWriter) close() {
	s.notes.data.Close()
	s.artifacts.data.Close()
	s.results.data.Close()
}

// checkRule documents a check as a SARIF reporting descriptor.
func checkRule(c *rules.Check) sarifRule {
	help := c.Title
	if c.Doc != "" {
		help = c.Doc
	}
	rule := sarifRule{ID: c.ID, ShortDescription: sarifText{Text: c.Title},
		Help:                 &sarifText{Text: help, Markdown: help},
		DefaultConfiguration: sarifRuleConf{Enabled: c.Default != rules.Off, Level: sarifLevel(c.Default)}}
	if c.Doc != "" {
		rule.FullDescription = &sarifText{Text: c.Doc}
	}
	return rule
}

// sarifFinding converts a finding to a result.
func sarifFinding(fd *rules.Finding, path string, ruleIndex int, l rules.Lang) sarifResult {
	file := fileOf(fd, path)
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(file)}}}
	props := map[string]any{"connection": JSONConnRef{ID: fd.Conn.ID, Client: fd.Conn.Client.String(), Server: fd.Conn.Server.String()}}
	switch {
	case fd.Pos.Line > 0:
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: fd.Pos.Line}
	case fd.Pos.Packet > 0:
		off := fd.Pos.Offset
		loc.PhysicalLocation.Region = &sarifRegion{ByteOffset: &off}
		props["packet"] = fd.Pos.Packet
	}
	name := connText(fd.Conn)
	loc.LogicalLocations = []sarifLogical{{Name: name, FullyQualifiedName: file + "/" + name, Kind: "object"}}
	return sarifResult{RuleID: fd.Rule, RuleIndex: ruleIndex, Level: sarifLevel(fd.Severity),
		Message: sarifText{Text: message(fd, l)}, Locations: []sarifLocation{loc}, Properties: props}
}

// fileURI turns a path into a relative (or file:) URI reference, escaping
// what a URI cannot hold.
func fileURI(path string) string {
	path = filepath.ToSlash(path)
	if filepath.IsAbs(path) || strings.HasPrefix(path, "/") {
		return (&url.URL{Scheme: "file", Path: path}).String()
	}
	return (&url.URL{Path: path}).String()
}
