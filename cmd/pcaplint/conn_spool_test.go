package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/report"
)

// TestSpooledConnectionsPrintAsKept reads inputs with their connections
// kept in memory and spooled, in memory and on disk, on one tracker and on
// several: the JSON is the same, and the spool's files are gone after.
func TestSpooledConnectionsPrintAsKept(t *testing.T) {
	flood := synFlood(t, 3_000)
	for _, path := range []string{loopback, flood, "../../testdata/captures/real/rst-abort.txt"} {
		kept, _ := readInputSharded(path, parse.Options{}, keepConns, nil)
		want := connsJSON(t, kept)
		for _, memory := range []int{1 << 20, 200} {
			old := spoolMemory
			spoolMemory = memory
			t.Cleanup(func() { spoolMemory = old })
			for name, f := range map[string]report.File{
				"sharded": func() report.File { f, _ := readInputSharded(path, parse.Options{}, keepSpool, nil); return f }(),
				"single":  readInputKeeping(path, parse.Options{}, keepSpool, nil),
			} {
				if f.Spool == nil || f.Spool.Len() != kept.ConnCount {
					t.Fatalf("%s, %s, %d bytes in memory: no spool of %d connections", path, name, memory, kept.ConnCount)
				}
				if got := connsJSON(t, f); got != want {
					t.Errorf("%s, %s, %d bytes in memory: the spooled JSON differs:\n%.2000s\nwant\n%.2000s", path, name, memory, got, want)
				}
				sp := f.Spool.(*connSpool)
				var files []string
				for _, p := range sp.parts {
					if p.file != nil {
						files = append(files, p.file.Name())
					}
				}
				if memory == 200 && len(files) == 0 {
					t.Errorf("%s, %s: nothing was spooled to disk", path, name)
				}
				sp.Close()
				for _, name := range files {
					if _, err := os.Stat(name); !os.IsNotExist(err) {
						t.Errorf("%s is left behind", name)
					}
				}
			}
		}
	}
}

func connsJSON(t *testing.T, f report.File) string {
	t.Helper()
	var b bytes.Buffer
	if err := report.WriteConnsJSON(&b, &report.Report{Files: []report.File{f}}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
