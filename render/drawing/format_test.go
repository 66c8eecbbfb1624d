package drawing

import (
	"strings"
	"testing"
)

func TestChooseFollowsTheExtension(t *testing.T) {
	tests := []struct {
		reg                Registry
		flag, output, want string
	}{
		{Diagrams, "", "a.svg", "svg"}, {Diagrams, "", "a.PNG", "png"}, {Diagrams, "", "a.dot", "dot"},
		{Diagrams, "", "a.gv", "dot"}, {Diagrams, "", "a.mmd", "mermaid"}, {Diagrams, "", "a.mermaid", "mermaid"},
		{Diagrams, "", "a.puml", "plantuml"}, {Diagrams, "", "a.pu", "plantuml"}, {Diagrams, "", "", "svg"},
		{Diagrams, "", "dir/", "svg"}, {Diagrams, "", "dir.png/", "svg"}, {Diagrams, "mermaid", "a.svg", "mermaid"},
		{Graphs, "", "a.svg", "svg"}, {Graphs, "", "a.Png", "png"}, {Graphs, "", "", "svg"}, {Graphs, "", "graphs/", "svg"},
		{Graphs, "png", "a.svg", "png"},
	}
	for _, tt := range tests {
		got, err := tt.reg.Choose(tt.flag, tt.output)
		if err != nil || got.Name != tt.want {
			t.Errorf("%s.Choose(%q, %q) = %v, %v; want %q", tt.reg.List(), tt.flag, tt.output, got, err, tt.want)
		}
	}
}

func TestChooseRefusesWhatItCannotWrite(t *testing.T) {
	tests := []struct {
		reg                Registry
		flag, output, want string
	}{
		{Diagrams, "gif", "", `--format must be svg, png, dot, mermaid or plantuml, not "gif"`},
		{Graphs, "dot", "", `--format must be svg or png, not "dot"`},
		{Diagrams, "", "x.jpg", "-o x.jpg: pcaplint does not write .jpg files: name the file .svg, .png, .dot (or .gv), .mmd (or .mermaid) or .puml (or .plantuml, .pu), or give --format"},
		{Diagrams, "", "x.svgz", "does not write .svgz files"},
		{Graphs, "", "x.gv", "-o x.gv: pcaplint does not write .gv files: name the file .svg or .png, or give --format"},
	}
	for _, tt := range tests {
		_, err := tt.reg.Choose(tt.flag, tt.output)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Choose(%q, %q) = %v, want an error with %q", tt.flag, tt.output, err, tt.want)
		}
	}
}

func TestRegistries(t *testing.T) {
	if got := Diagrams.Laid().List(); got != "svg, png or dot" {
		t.Errorf("the laid-out diagram formats are %q", got)
	}
	seen := map[string]string{}
	for _, f := range Diagrams {
		if f.diagram == nil || len(f.Exts) == 0 || f.MediaType == "" {
			t.Errorf("%s is not complete", f.Name)
		}
		for _, e := range f.Exts {
			if e != strings.ToLower(e) || !strings.HasPrefix(e, ".") {
				t.Errorf("%s: extension %q is not a lower-case one", f.Name, e)
			}
			if other, ok := seen[e]; ok {
				t.Errorf("%s chosen by both %s and %s", e, other, f.Name)
			}
			seen[e] = f.Name
		}
	}
	for _, f := range Graphs {
		if _, err := Diagrams.Lookup(f.Name); err != nil {
			t.Errorf("graph format %s is no diagram format", f.Name)
		}
	}
}
