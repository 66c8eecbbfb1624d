package html

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

func TestLinked(t *testing.T) {
	drawn := map[string]map[int]string{"caps/a b.pcap": {1: "caps/a_b.pcap/1-x-y.svg"}}
	for _, tc := range []struct {
		page, dir string
		drawn     map[string]map[int]string
		want      map[string]map[int]string
	}{
		{"out/index.html", "out", drawn, map[string]map[int]string{"caps/a b.pcap": {1: "caps/a_b.pcap/1-x-y.svg"}}},
		{"site/index.html", "out/diagrams", drawn, map[string]map[int]string{"caps/a b.pcap": {1: "../out/diagrams/caps/a_b.pcap/1-x-y.svg"}}},
		{"index.html", "d", map[string]map[int]string{"x": {2: "x/2 #?.svg"}}, map[string]map[int]string{"x": {2: "d/x/2%20%23%3F.svg"}}},
		{"index.html", "d", nil, nil},
	} {
		o, err := Linked(tc.page, tc.dir, tc.drawn, tc.drawn, rules.Chinese)
		if err != nil {
			t.Fatalf("%s, %s: %v", tc.page, tc.dir, err)
		}
		if !reflect.DeepEqual(o.Diagrams, tc.want) || !reflect.DeepEqual(o.Graphs, tc.want) || o.Lang != rules.Chinese {
			t.Errorf("%s, %s: %+v, want diagrams and graphs %v in Chinese", tc.page, tc.dir, o, tc.want)
		}
	}
}

func TestWriteFile(t *testing.T) {
	page := filepath.Join(t.TempDir(), "site", "index.html")
	rep := &report.Report{Files: []report.File{{Path: "a.pcap"}}}
	if err := WriteFile(page, rep, "", nil, nil, rules.English); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(page)
	if err != nil || !strings.Contains(string(b), "a.pcap") {
		t.Errorf("page %d bytes, %v; want one naming a.pcap", len(b), err)
	}
	link := filepath.Join(filepath.Dir(page), "link.html")
	if err := os.Symlink(page, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, rep, "", nil, nil, rules.English); err == nil {
		t.Error("wrote through a symbolic link")
	}
}
