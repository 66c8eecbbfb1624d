package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/pcaplint/pcaplint/internal/spill"

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
	XMLName    xml.Name         `xml:"testsuite"`
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
	XMLName   xml.Name       `xml:"testcase"`
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
	jw := p.Writer(w)
	return printEach(jw, r, jw.suites.Close)
}

// JUnitWriter prints the JUnit format one input at a time, as each is
// done, so that the report of many inputs is never held whole. The
// document's totals come before its suites, so each suite is written
// where it is done into a spill (memory up to a megabyte, a temporary
// file beyond), and Close writes the totals and copies the suites after
// them.
type JUnitWriter struct {
	p                       JUnit
	w                       io.Writer
	tests, failures, errors int
	suites                  spill.Buffer
}

// spillMemory is how many bytes of suites stay in memory (spill.Buffer's
// Memory). A variable, so that a test can make them go to disk.
var spillMemory = spill.DefaultMemory

// Writer starts a JUnit report on w.
func (p JUnit) Writer(w io.Writer) *JUnitWriter {
	return &JUnitWriter{p: p, w: w, suites: spill.Buffer{Memory: spillMemory}}
}

// File prints one input's suite.
func (j *JUnitWriter) File(f *File) error {
	tests, failures, errors, err := j.p.writeSuite(&j.suites, f)
	j.tests += tests
	j.failures += failures
	j.errors += errors
	return err
}

// Close prints the document: the totals, the suites File printed, and the
// suite of the inputs an interruption left unread. r's files are not
// printed again.
func (j *JUnitWriter) Close(r *Report) error {
	defer j.suites.Close()
	if s := interruptedSuite(r); s != nil {
		j.tests += s.Tests
		j.errors += s.Errors
		if err := encodeIndented(&j.suites, "  ", s); err != nil {
			return err
		}
	}
	var head bytes.Buffer
	enc := xml.NewEncoder(&head)
	enc.Indent("", "  ")
	if err := enc.Encode(junitSuites{Name: "pcaplint", Tests: j.tests, Failures: j.failures, Errors: j.errors}); err != nil {
		return err
	}
	doc := head.Bytes()
	if _, err := io.WriteString(j.w, xml.Header); err != nil {
		return err
	}
	if j.suites.Size() > 0 {
		// The suites go inside the element encoded empty, on lines of
		// their own, as encoding them with it would place them.
		end := bytes.LastIndex(doc, []byte("</testsuites>"))
		if _, err := j.w.Write(doc[:end]); err != nil {
			return err
		}
		if _, err := j.suites.WriteTo(j.w); err != nil {
			return err
		}
		doc = append([]byte("\n"), doc[end:]...)
	}
	_, err := j.w.Write(append(doc, '\n'))
	return err
}

// encodeIndented writes v as an element on a new line, each of its lines
// starting with prefix.
func encodeIndented(w io.Writer, prefix string, v any) error {
	if _, err := io.WriteString(w, "\n"); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent(prefix, "  ")
	return enc.Encode(v)
}

// caseFindings are the findings of one connection's case.
type caseFindings struct {
	failures []junitFailure
	out      strings.Builder
}

// writeSuite writes one input's suite, on a line of its own at the
// document's depth 1: a case per connection, in ID order, then the cases
// of a read error and of what could not be checked. It returns the
// suite's counts. The connections come from f.Spool when it is set, one
// at a time, else from f.Conns.
func (p JUnit) writeSuite(w io.Writer, f *File) (tests, failures, errors int, err error) {
	nConns := len(f.Conns)
	known := func(id int) bool { return id >= 1 && id <= nConns } // a spool numbers them 1 to Len
	if f.Spool != nil {
		nConns = f.Spool.Len()
	} else {
		ids := make(map[int]bool, len(f.Conns))
		for _, c := range f.Conns {
			ids[c.ID] = true
		}
		known = func(id int) bool { return ids[id] }
	}
	byConn := map[int]*caseFindings{}
	for i := range f.Findings {
		fd := &f.Findings[i]
		if !known(fd.Conn.ID) {
			continue // the tracker ends every connection it reports on
		}
		cf := byConn[fd.Conn.ID]
		if cf == nil {
			cf = &caseFindings{}
			byConn[fd.Conn.ID] = cf
		}
		line := fmt.Sprintf("%s: %s %s: %s", where(fd, f.Path), fd.Severity, fd.Rule, message(fd, p.Lang))
		if p.FailOn != rules.Off && fd.Severity >= p.FailOn {
			cf.failures = append(cf.failures, junitFailure{Message: fd.Rule + ": " + message(fd, p.Lang), Type: fd.Severity.String(), Text: line})
		} else {
			cf.out.WriteString(line + "\n")
		}
	}
	s := junitSuite{Name: f.Path}
	for _, cf := range byConn {
		if len(cf.failures) > 0 {
			s.Failures++ // failing cases, so that failures never exceed tests
		}
	}
	extra := p.extraCases(f, &s)
	s.Tests = nConns + len(extra)
	s.Properties = junitLoss(f)
	s.SystemOut = lossTextIn(f, p.Lang)

	// The suite is encoded without cases, and they are written one by one
	// where encoding them with it would have put them: after its
	// properties, which every suite has.
	var b bytes.Buffer
	if err := encodeIndented(&b, "  ", s); err != nil {
		return 0, 0, 0, err
	}
	suite := b.Bytes()
	at := bytes.Index(suite, []byte("</properties>")) + len("</properties>")
	if _, err := w.Write(suite[:at]); err != nil {
		return 0, 0, 0, err
	}
	writeCase := func(id int, client, server string) error {
		c := junitCase{Name: fmt.Sprintf("connection %d %s -> %s", id, client, server), Classname: f.Path}
		if cf := byConn[id]; cf != nil {
			c.Failures, c.SystemOut = cf.failures, cf.out.String()
		}
		return encodeIndented(w, "    ", c)
	}
	if f.Spool != nil {
		err = f.Spool.Each(func(c *JSONConn) error { return writeCase(c.ID, c.Client, c.Server) })
	} else {
		for _, c := range f.Conns {
			if err = writeCase(c.ID, c.Client.String(), c.Server.String()); err != nil {
				break
			}
		}
	}
	for i := 0; err == nil && i < len(extra); i++ {
		err = encodeIndented(w, "    ", extra[i])
	}
	if err == nil {
		_, err = w.Write(suite[at:])
	}
	return s.Tests, s.Failures, s.Errors, err
}

// extraCases are the cases of an input beside its connections: its read
// error, and what could not be checked (an error when nothing was, as the
// run exits 2, else skipped). They count in s.Errors.
func (p JUnit) extraCases(f *File, s *junitSuite) []junitCase {
	var cases []junitCase
	if f.Err != nil {
		cases = append(cases, junitCase{Name: "read " + f.Path, Classname: f.Path,
			Error: &junitFailure{Message: ErrorText(f.Err.Error(), p.Lang), Type: "input", Text: ErrorText(f.Err.Error(), p.Lang)}})
		s.Errors++
	}
	for _, u := range f.Unchecked {
		c := junitCase{Name: "not checked: " + u.Reason, Classname: f.Path}
		msg := f.UncheckedText(u, p.Lang)
		if u.All {
			c.Error = &junitFailure{Message: msg, Type: u.Reason, Text: msg}
			s.Errors++
		} else {
			c.Skipped = &junitSkipped{Message: msg}
		}
		cases = append(cases, c)
	}
	return cases
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
