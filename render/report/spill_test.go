package report

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

// checkSpilled prints r with p, then again with spills of 10 bytes through
// write, which returns whether its spills went to disk, and wants the same
// bytes and no temporary file left behind.
func checkSpilled(t *testing.T, p Printer, r *Report, write func(w io.Writer) (onDisk bool, err error)) {
	t.Helper()
	var want bytes.Buffer
	if err := p.Print(&want, r); err != nil {
		t.Fatal(err)
	}
	old := spillMemory
	spillMemory = 10
	t.Cleanup(func() { spillMemory = old })
	t.Setenv("TMPDIR", t.TempDir())
	var got bytes.Buffer
	onDisk, err := write(&got)
	if err != nil {
		t.Fatal(err)
	}
	if !onDisk {
		t.Fatal("nothing went to disk")
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("spilled to disk:\n%s\nwant\n%s", got.Bytes(), want.Bytes())
	}
	if left, _ := filepath.Glob(filepath.Join(os.Getenv("TMPDIR"), "*")); len(left) > 0 {
		t.Errorf("left behind: %q", left)
	}
}

// The JUnit report is the same whether its suites waited in memory or in
// a temporary file; and a report without inputs is one empty element.
func TestJUnitSuitesSpilledToDiskPrintTheSame(t *testing.T) {
	p := JUnit{FailOn: rules.Warning}
	r := sampleReport()
	r.Interrupted = []Skip{{Path: "late.pcap", Reason: "not started"}}
	checkSpilled(t, p, r, func(w io.Writer) (bool, error) {
		jw := p.Writer(w)
		for i := range r.Files {
			if err := jw.File(&r.Files[i]); err != nil {
				return false, err
			}
		}
		onDisk := jw.suites.File() != ""
		return onDisk, jw.Close(r)
	})

	var empty bytes.Buffer
	if err := p.Print(&empty, &Report{}); err != nil {
		t.Fatal(err)
	}
	const wantEmpty = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<testsuites name="pcaplint" tests="0" failures="0" errors="0"></testsuites>` + "\n"
	if empty.String() != wantEmpty {
		t.Errorf("no input: %q, want %q", empty.String(), wantEmpty)
	}
}

// So is the SARIF log, whose three lists wait apart.
func TestSARIFListsSpilledToDiskPrintTheSame(t *testing.T) {
	p := SARIF{Checks: sampleChecks(), Version: "v0.0.0-test"}
	r := sampleReport()
	r.Interrupted = []Skip{{Path: "late.pcap", Reason: "not started"}}
	checkSpilled(t, p, r, func(w io.Writer) (bool, error) {
		sw := p.Writer(w)
		for i := range r.Files {
			if err := sw.File(&r.Files[i]); err != nil {
				return false, err
			}
		}
		onDisk := sw.notes.data.File() != "" && sw.artifacts.data.File() != "" && sw.results.data.File() != ""
		return onDisk, sw.Close(r)
	})
}

// So is the Markdown report, whose table's rows wait for its heading.
func TestMarkdownRowsSpilledToDiskPrintTheSame(t *testing.T) {
	p := Markdown{}
	r := sampleReport()
	checkSpilled(t, p, r, func(w io.Writer) (bool, error) {
		mw := p.Writer(w)
		for i := range r.Files {
			if err := mw.File(&r.Files[i]); err != nil {
				return false, err
			}
		}
		onDisk := mw.rows.File() != ""
		return onDisk, mw.Close(r)
	})
}

// A file whose findings were let go once printed counts them still, in
// the summaries.
func TestTalliedFindingsCountInTheSummaries(t *testing.T) {
	var want bytes.Buffer
	r := sampleReport()
	if err := WriteBatchSummary(&want, r, ""); err != nil {
		t.Fatal(err)
	}
	wantCounts := r.Counts()
	for i := range r.Files {
		r.Files[i].LetGoOfFindings()
	}
	var got bytes.Buffer
	if err := WriteBatchSummary(&got, r, ""); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("with the findings tallied:\n%s\nwant\n%s", got.String(), want.String())
	}
	for s, n := range wantCounts {
		if r.Counts()[s] != n {
			t.Errorf("%s: %d counted, want %d", s, r.Counts()[s], n)
		}
	}
}
