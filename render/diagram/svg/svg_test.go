package svg

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/internal/english"
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/internal/fixture"
	"github.com/pcaplint/pcaplint/rules"
)

// drawn counts what an SVG draws: arrow groups and their label texts.
type drawn struct {
	arrows, labels, findings, titles int
	texts                            []string
}

func count(t *testing.T, b []byte) drawn {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var d drawn
	var class []string
	for {
		// Each arrow is one group; a lost segment's cross adds two
		// groups whose ids end in x1 and x2.
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return d
			}
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			c := ""
			for _, a := range e.Attr {
				if a.Name.Local == "class" {
					c = a.Value
				}
			}
			class = append(class, c)
			switch {
			case e.Name.Local == "g" && findingArrow[c] && !strings.Contains(id(e), "x"):
				d.arrows++
				if c != "edge arrow" && c != "edge lost" {
					d.findings++
				}
			case e.Name.Local == "g" && (c == "node label" || strings.HasSuffix(c, "-text")) && c != "node legend-text":
				d.labels++
			case e.Name.Local == "title":
				d.titles++
			}
		case xml.EndElement:
			class = class[:len(class)-1]
		case xml.CharData:
			if len(class) > 0 {
				d.texts = append(d.texts, string(e))
			}
		}
	}
}

// findingArrow are the classes of arrow groups: plain, lost, and one per
// finding severity.
var findingArrow = map[string]bool{"edge arrow": true, "edge lost": true,
	"edge info": true, "edge warning": true, "edge error": true}

func id(e xml.StartElement) string {
	for _, a := range e.Attr {
		if a.Name.Local == "id" {
			return a.Value
		}
	}
	return ""
}

func TestGoldenSVG(t *testing.T) {
	cases := append(fixture.All(), fixture.Case{Name: "long", Convs: fixture.Long(10_000)})
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			d := diagram.Build(c.Convs, diagram.Options{})
			s := diagram.Lay(d, diagram.LayoutOptions{})
			b, err := Render(s, Auto, d.Caption)
			if err != nil {
				t.Fatal(err)
			}
			fixture.Golden(t, c.Name+".svg", b)
			got := count(t, b)
			arrows, findings := 0, 0
			for _, r := range d.Rows {
				if r.Kind == diagram.RowSegment || r.Kind == diagram.RowLost {
					arrows++
				}
				if len(r.Findings) > 0 {
					findings++
				}
			}
			if got.arrows != arrows {
				t.Errorf("%d arrows drawn, want one per segment row: %d", got.arrows, arrows)
			}
			if got.findings != findings {
				t.Errorf("%d arrows drawn as findings, want %d", got.findings, findings)
			}
			all := strings.Join(got.texts, "\n")
			for _, r := range d.Rows {
				if r.Kind == diagram.RowSegment && !strings.Contains(all, r.Label) {
					t.Errorf("label %q is missing", r.Label)
				}
			}
			again, _ := Render(s, Auto, d.Caption)
			if !bytes.Equal(b, again) {
				t.Error("two renderings of one scene differ")
			}
		})
	}
}

// TestGoldenThemesAndPages pins the severities in both themes, and a
// conversation drawn as pages (--page), each page with its headers and
// its "continued" marks.
func TestGoldenThemesAndPages(t *testing.T) {
	d := diagram.Build(fixture.Severities(), diagram.Options{})
	s := diagram.Lay(d, diagram.LayoutOptions{})
	for _, theme := range []Theme{Light, Dark} {
		b, err := Render(s, theme, d.Caption)
		if err != nil {
			t.Fatal(err)
		}
		fixture.Golden(t, "severities-"+theme.Palette().Name+".svg", b)
	}
	tut := diagram.Build(fixture.Tutorial(), diagram.Options{})
	for k, p := range tut.Pages(4) {
		b, err := Render(diagram.Lay(p, diagram.LayoutOptions{}), Auto, p.Caption)
		if err != nil {
			t.Fatal(err)
		}
		fixture.Golden(t, fmt.Sprintf("tutorial-page-%d.svg", k+1), b)
		if n := strings.Count(string(b), "continued "); n != min(k+1, 2) && n != 1 {
			t.Errorf("page %d has %d continued marks", k+1, n)
		}
	}
}

// TestGoldenChinese pins a diagram drawn with Lang zh: caption, roles,
// idle breaks, time heading, legend title, severities and the findings'
// messages in Chinese, with no English sentence left among its texts;
// its pages say where they continue in Chinese too.
func TestGoldenChinese(t *testing.T) {
	d := diagram.Build(fixture.SeveritiesZh(), diagram.Options{Lang: rules.Chinese, Gap: 20 * time.Millisecond})
	b, err := Render(diagram.Lay(d, diagram.LayoutOptions{}), Auto, d.Caption)
	if err != nil {
		t.Fatal(err)
	}
	fixture.Golden(t, "severities-zh.svg", b)
	texts := count(t, b).texts
	all := strings.Join(texts, "\n")
	for _, want := range []string{"连接 1", "客户端", "服务器端", "空闲", "时间（毫秒）", "检查发现", "警告 ×1", "零窗口"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q among the texts:\n%s", want, all)
		}
	}
	for _, s := range texts {
		if strings.HasPrefix(s, "@font-face") {
			continue // the style sheet
		}
		if e := english.Sentence(s); e != "" {
			t.Errorf("English %q in %q", e, s)
		}
	}
	var pages []string
	for _, p := range d.Pages(4) {
		b, err := Render(diagram.Lay(p, diagram.LayoutOptions{}), Auto, p.Caption)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, strings.Join(count(t, b).texts, "\n"))
	}
	if len(pages) < 2 || !strings.Contains(pages[0], "转第 2 页") || !strings.Contains(pages[1], "接第 1 页") {
		t.Errorf("pages do not say where they continue in Chinese:\n%s", strings.Join(pages, "\n---\n"))
	}
}
