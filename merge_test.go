package pcaplint

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/batch"
	"github.com/pcaplint/pcaplint/rules/checks"
)

func TestDrawn(t *testing.T) {
	dir := t.TempDir()
	c1, c2 := &rules.Conn{ID: 1}, &rules.Conn{ID: 2}
	rep := &report.Report{Files: []report.File{{Path: "caps/a.pcap", Conns: []*rules.Conn{c1, c2}}, {Path: "b.pcap", Conns: []*rules.Conn{c1}}}}
	for _, rel := range []string{drawing.DiagramFile("caps/a.pcap", c1), drawing.GraphFile("caps/a.pcap", c2)} {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("<svg/>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	diagrams, graphs := Drawn(dir, rep)
	wantD := map[string]map[int]string{"caps/a.pcap": {1: drawing.DiagramFile("caps/a.pcap", c1)}}
	wantG := map[string]map[int]string{"caps/a.pcap": {2: drawing.GraphFile("caps/a.pcap", c2)}}
	if !reflect.DeepEqual(diagrams, wantD) || !reflect.DeepEqual(graphs, wantG) {
		t.Errorf("diagrams %v, graphs %v; want %v, %v", diagrams, graphs, wantD, wantG)
	}
	if d, g := Drawn("", rep); d != nil || g != nil {
		t.Errorf("no directory: %v, %v", d, g)
	}
}

func TestMergedPrint(t *testing.T) {
	jp, err := report.New("json", report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var shard bytes.Buffer
	res := Lint(context.Background(), []batch.Input{{Path: "testdata/captures/real/rst-abort.txt", Named: true}},
		LintOptions{Checks: checks.All(), Format: "json", Printer: jp, Out: &shard})
	if err := res.Print(); err != nil {
		t.Fatal(err)
	}
	m, err := Merge([]string{"s.json"}, func(string) ([]byte, error) { return shard.Bytes(), nil })
	if err != nil || len(m.Problems) != 0 {
		t.Fatal(err, m.Problems)
	}
	for _, format := range []string{"json", "text"} {
		p, err := report.New(format, report.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got, want bytes.Buffer
		if err := m.Print(&got, p); err != nil {
			t.Fatal(err)
		}
		if format == "json" {
			err = m.JSON.Write(&want)
		} else {
			err = report.PrintBatch(&want, p, m.Report)
		}
		if err != nil || got.String() != want.String() || !strings.Contains(got.String(), "rst-unexpected") {
			t.Errorf("%s: %v\n%s\nwant\n%s", format, err, got.String(), want.String())
		}
	}
}
