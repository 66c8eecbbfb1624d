package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/pcaplint/pcaplint/rules"
)

// JUnit prints JUnit XML for CI test-report views: a test suite per input,
// a test case per connection, a failure per finding at or above FailOn.
// The failures attributes count failing cases. Findings below it are kept as the case's system-out; an input that could
// not be read to its end adds a case with an error, and the inputs an
// interruption left unread a suite of their own, "pcaplint: interrupted",
// with an error each.
type JUnit struct {
	// FailOn is the least severity that fails; Off means nothing fails.
	FailOn rules.Severity
	// Lang is the language of the findings' messages (English when
	// empty); rule IDs, severities and positions stay as they are.
	Lang rules.Lang
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Properties *junitProperties `xml:"properties"`
	Cases      []junitCase      `xml:"testcase"`
	SystemOut  string           `xml:"system-out,omitempty"`
}

// junitProperties are a suite's properties: its capture-loss estimate.
type junitProperties struct {
	Items []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Failures  []junitFailure `xml:"failure"`
	Error     *junitFailure  `xml:"error"`
	Skipped   *junitSkipped  `xml:"skipped"`
	SystemOut string         `xml:"system-out,omitempty"`
}

// junitSkipped marks a case whose checks did not run.
type junitSkipped struct {
	Message string `xml:"message,attr"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// Print implements Printer.
func (p JUnit) Print(w io.Writer, r *Report) error {
	out := junitSuites{Name: "pcaplint"}
	for _, f := range r.Files {
		s := p.suite(&f)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Suites = append(out.Suites, s)
	}
	if s := interruptedSuite(r); s != nil {
		out.Tests += s.Tests
		out.Errors += s.Errors
		out.Suites = append(out.Suites, *s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// suite is one input: a case per connection, in ID order.
func (p JUnit) suite(f *File) junitSuite {
	s := junitSuite{Name: f.Path}
	byConn := map[int]int{} // connection ID -> case index
	for _, c := range f.Conns {
		byConn[c.ID] = len(s.Cases)
		s.Cases = append(s.Cases, junitCase{Name: fmt.Sprintf("connection %d %s -> %s", c.ID, c.Client, c.Server), Classname: f.Path})
	}
	out := make([]strings.Builder, len(s.Cases))
	for i := range f.Findings {
		fd := &f.Findings[i]
		k, ok := byConn[fd.Conn.ID]
		if !ok {
			continue // the tracker ends every connection it reports on
		}
		line := fmt.Sprintf("%s: %s %s: %s", where(fd, f.Path), fd.Severity, fd.Rule, message(fd, p.Lang))
		if p.FailOn != rules.Off && fd.Severity >= p.FailOn {
			s.Cases[k].Failures = append(s.Cases[k].Failures, junitFailure{Message: fd.Rule + ": " + message(fd, p.Lang), Type: fd.Severity.String(), Text: line})
		} else {
			out[k].WriteString(line + "\n")
		}
	}
	for k := range out {
		s.Cases[k].SystemOut = out[k].String()
		if len(s.Cases[k].Failures) > 0 {
			s.Failures++ // failing cases, so that failures never exceed tests
		}
	}
	if f.Err != nil {
		s.Cases = append(s.Cases, junitCase{Name: "read " + f.Path, Classname: f.Path,
			Error: &junitFailure{Message: f.Err.Error(), Type: "input", Text: f.Err.Error()}})
		s.Errors++
	}
	// What could not be checked is a case of its own: an error when
	// nothing was (the run exits 2), else skipped.
	for _, u := range f.Unchecked {
		c := junitCase{Name: "not checked: " + u.Reason, Classname: f.Path}
		if u.All {
			c.Error = &junitFailure{Message: u.Message, Type: u.Reason, Text: u.Message}
			s.Errors++
		} else {
			c.Skipped = &junitSkipped{Message: u.Message}
		}
		s.Cases = append(s.Cases, c)
	}
	s.Tests = len(s.Cases)
	s.Properties = junitLoss(f)
	s.SystemOut = lossText(f)
	return s
}

// interruptedSuite is the suite of the inputs an interruption left unread,
// nil when none: a case with an error each, so that an incomplete report
// does not pass for a complete one, and the suite's property
// incomplete=true.
func interruptedSuite(r *Report) *junitSuite {
	if len(r.Interrupted) == 0 {
		return nil
	}
	s := &junitSuite{Name: "pcaplint: interrupted", Properties: &junitProperties{Items: []junitProperty{
		{"incomplete", "true"}, {"unread", fmt.Sprint(len(r.Interrupted))}}}}
	for _, u := range r.Interrupted {
		msg := "not read: interrupted (" + u.Reason + ")"
		s.Cases = append(s.Cases, junitCase{Name: "read " + u.Path, Classname: u.Path,
			Error: &junitFailure{Message: msg, Type: "interrupted", Text: msg}})
	}
	s.Tests, s.Errors = len(s.Cases), len(s.Cases)
	return s
}

// junitLoss lists f's capture-loss estimate as suite properties.
func junitLoss(f *File) *junitProperties {
	j := newJSONCaptureLoss(f)
	p := &junitProperties{Items: []junitProperty{
		{"capture_loss.acks", fmt.Sprint(j.Acks)}, {"capture_loss.gap_acks", fmt.Sprint(j.GapAcks)},
		{"capture_loss.gap_bytes", fmt.Sprint(j.GapBytes)}, {"capture_loss.percent", fmt.Sprint(j.Percent)}}}
	if j.KernelDrops != nil {
		p.Items = append(p.Items, junitProperty{"capture_loss.kernel_drops", fmt.Sprint(*j.KernelDrops)})
	}
	return p
}
