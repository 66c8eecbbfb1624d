package explain

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// formats are the output forms every golden case is written in.
var formats = []struct {
	name     string
	markdown bool
}{{"txt", false}, {"md", true}}

// explainAll explains segs (with their log lines, nil for captures) and
// returns the output.
func explainAll(t *testing.T, segs []tcp.Segment, lines []string, opts Options) string {
	t.Helper()
	var out bytes.Buffer
	if _, err := Run(context.Background(), &out, parse.Segments(segs, lines), opts); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// checkGolden explains segs in every language and format and compares
// with testdata/golden/<name>.<lang>.<format>. It returns the English
// text output for assertions on the numbers.
func checkGolden(t *testing.T, name string, segs []tcp.Segment, lines []string, opts Options) string {
	t.Helper()
	var english string
	for _, lang := range Langs {
		for _, f := range formats {
			o := opts
			o.Lang, o.Markdown = lang, f.markdown
			if f.markdown {
				o.Title = name
			}
			got := explainAll(t, segs, lines, o)
			if lang == English && !f.markdown {
				english = got
			}
			path := filepath.Join("testdata", "golden", name+"."+string(lang)+"."+f.name)
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./render/explain -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden file; got:\n%s", path, got)
			}
		}
	}
	return english
}
