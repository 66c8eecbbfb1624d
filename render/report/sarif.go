package report

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"

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
	driver := sarifDriver{Name: "pcaplint", Version: p.Version, InformationURI: projectURI, Rules: []sarifRule{}}
	index := map[string]int{}
	addRule := func(rule sarifRule) {
		index[rule.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, rule)
	}
	for _, c := range p.Checks {
		addRule(checkRule(c))
	}
	run := sarifRun{Results: []sarifResult{}}
	for _, f := range r.Files {
		for i := range f.Findings {
			fd := &f.Findings[i]
			if _, ok := index[fd.Rule]; !ok {
				addRule(sarifRule{ID: fd.Rule, ShortDescription: sarifText{Text: "custom rule " + fd.Rule},
					DefaultConfiguration: sarifRuleConf{Enabled: true, Level: sarifLevel(fd.Severity)}})
			}
			run.Results = append(run.Results, sarifFinding(fd, f.Path, index[fd.Rule], p.Lang))
		}
	}
	run.Tool.Driver = driver
	run.Invocations = []sarifInvocation{sarifInvocationOf(r, p.Lang)}
	run.Artifacts = sarifArtifactsOf(r)
	return writeJSON(w, sarifLog{Version: sarifVersion, Schema: sarifSchema, Runs: []sarifRun{run}})
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
