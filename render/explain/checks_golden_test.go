package explain

import (
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// readLog reads the segments of a capture or log with their lines (empty
// for a capture), up to the end or the first broken record; err is set
// when path is no capture or log at all.
func readLog(path string) (segs []tcp.Segment, lines []string, err error) {
	src, closer, err := parse.OpenFile(path, parse.Options{Checksums: true})
	if err != nil {
		return nil, nil, err
	}
	defer closer.Close()
	liner, _ := src.(interface{ Line() string })
	for {
		var seg tcp.Segment
		if err := src.Next(&seg); err != nil {
			return segs, lines, nil // io.EOF, or a broken input: what came before is read
		}
		segs = append(segs, seg)
		line := ""
		if liner != nil {
			line = liner.Line()
		}
		lines = append(lines, line)
	}
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
			segs, lines, err := readLog(tc.path)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.name, segs, lines, Options{Checks: checks.All()})
		})
	}
}
