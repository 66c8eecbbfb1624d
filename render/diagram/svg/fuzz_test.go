package svg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/internal/fixture"
	"github.com/pcaplint/pcaplint/rules"
)

// allowed are the elements and attributes a diagram SVG may contain.
var allowed = map[string]map[string]bool{
	"svg":   set("xmlns", "width", "height", "viewBox", "role", "aria-label"),
	"title": set(),
	"style": set(),
	"rect":  set("class", "width", "height", "fill"),
}

func init() {
	for el, attrs := range kept {
		allowed[el] = attrs
	}
}

// checkVocabulary fails unless b is well-formed XML made only of allowed
// elements and attributes.
func checkVocabulary(t *testing.T, b []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		if e, ok := tok.(xml.StartElement); ok {
			attrs, known := allowed[e.Name.Local]
			if !known {
				t.Fatalf("element <%s> is not in the vocabulary", e.Name.Local)
			}
			for _, a := range e.Attr {
				if !attrs[a.Name.Local] {
					t.Fatalf("attribute %s on <%s> is not in the vocabulary", a.Name.Local, e.Name.Local)
				}
			}
		}
	}
}

func FuzzHostileNamesNeverBreakTheSVG(f *testing.F) {
	for _, s := range fixture.HostileNames {
		f.Add(s, "server")
	}
	f.Fuzz(func(t *testing.T, client, server string) {
		convs := fixture.Named(client, server)
		c := convs[0]
		c.Findings = []rules.Finding{{Rule: server, Message: client, Pos: c.Segs[0].Pos, Conn: c.Conn.Ref()}}
		d := diagram.Build(convs, diagram.Options{})
		b, err := Render(diagram.Lay(d, diagram.LayoutOptions{}), Auto, d.Caption)
		if err != nil {
			t.Fatal(err)
		}
		checkVocabulary(t, b)
		if strings.Contains(string(b), "<script") {
			t.Fatal("a script element got through")
		}
	})
}

func TestGoldenSVGsUseTheVocabulary(t *testing.T) {
	for _, c := range fixture.All() {
		d := diagram.Build(c.Convs, diagram.Options{})
		b, err := Render(diagram.Lay(d, diagram.LayoutOptions{}), Dark, d.Caption)
		if err != nil {
			t.Fatal(err)
		}
		checkVocabulary(t, b)
	}
}
