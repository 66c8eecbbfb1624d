package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

// The JUnit report is the same whether its suites waited in memory or in
// a temporary file, which is gone once the report is printed; and a
// report without inputs is one empty element.
func TestJUnitSuitesSpilledToDiskPrintTheSame(t *testing.T) {
	p := JUnit{FailOn: rules.Warning}
	r := sampleReport()
	r.Interrupted = []Skip{{Path: "late.pcap", Reason: "not started"}}
	var want bytes.Buffer
	if err := p.Print(&want, r); err != nil {
		t.Fatal(err)
	}
	old := spillMemory
	spillMemory = 10
	t.Cleanup(func() { spillMemory = old })
	t.Setenv("TMPDIR", t.TempDir())
	var got bytes.Buffer
	jw := p.Writer(&got)
	for i := range r.Files {
		if err := jw.File(&r.Files[i]); err != nil {
			t.Fatal(err)
		}
	}
	if jw.suites.File() == "" {
		t.Fatal("the suites did not go to disk")
	}
	if err := jw.Close(r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("spilled to disk:\n%s\nwant\n%s", got.Bytes(), want.Bytes())
	}
	if left, _ := filepath.Glob(filepath.Join(os.Getenv("TMPDIR"), "*")); len(left) > 0 {
		t.Errorf("left behind: %q", left)
	}

	var empty bytes.Buffer
	if err := p.Print(&empty, &Report{}); err != nil {
		t.Fatal(err)
	}
	const wantEmpty = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<testsuites name="pcaplint" tests="0" failures="0" errors="0"></testsuites>` + "\n"
	if empty.String() != wantEmpty {
		t.Errorf("no input: %q, want %q", empty.String(), wantEmpty)
	}
}
