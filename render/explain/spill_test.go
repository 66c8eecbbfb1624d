package explain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/rules/checks"
)

// The summaries of an input of many connections read the same whether
// they waited in memory or in a temporary file, which is gone after; and
// --conn summarises its connection alone.
func TestSummariesSpilledToDiskReadTheSame(t *testing.T) {
	segs, lines, err := readLog("../../testdata/captures/real/parallel.pcap")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Checks: checks.All()}
	want := explainAll(t, segs, lines, opts)
	old := summaryMemory
	summaryMemory = 40
	t.Cleanup(func() { summaryMemory = old })
	t.Setenv("TMPDIR", t.TempDir())
	if got := explainAll(t, segs, lines, opts); got != want {
		t.Errorf("summaries spilled to disk:\n%s\nwant\n%s", got, want)
	}
	if left, _ := filepath.Glob(filepath.Join(os.Getenv("TMPDIR"), "*")); len(left) > 0 {
		t.Errorf("left behind: %q", left)
	}
	opts.Conn = 2
	one := explainAll(t, segs, lines, opts)
	if !strings.Contains(one, "Connection 2: ") || strings.Contains(one, "Connection 1: ") {
		t.Errorf("--conn 2 summarises other connections, or not it:\n%s", one)
	}
}
