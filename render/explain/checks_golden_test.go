package explain

import (
	"errors"
	"io"
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// readLog reads every segment of a capture or log with its line (empty
// for a capture).
func readLog(t *testing.T, path string) ([]tcp.Segment, []string) {
	t.Helper()
	src, closer, err := parse.OpenFile(path, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	var segs []tcp.Segment
	var lines []string
	liner, _ := src.(interface{ Line() string })
	for {
		var seg tcp.Segment
		err := src.Next(&seg)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		segs = append(segs, seg)
		line := ""
		if liner != nil {
			line = liner.Line()
		}
		lines = append(lines, line)
	}
	return segs, lines
}

// TestExplainWithTheChecks explains real and crafted inputs with every
// built-in check, so that the goldens hold the checks' findings and hints
// in each language, the Chinese ones in Chinese.
func TestExplainWithTheChecks(t *testing.T) {
	for _, tc := range []struct{ name, path string }{
		{"checks-rst-abort", "../../testdata/captures/real/rst-abort.pcap"},
		{"checks-seq-gap", "../../testdata/checks/seq-gap/gaps.pcap"},
		{"checks-zero-window", "../../testdata/checks/zero-window/zero.pcap"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			segs, lines := readLog(t, tc.path)
			checkGolden(t, tc.name, segs, lines, Options{Checks: checks.All()})
		})
	}
}
