package pcaplint

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
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
