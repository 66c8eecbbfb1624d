package svg

import (
	"encoding/base64"
	"strings"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/typeface"
)

// style is the SVG's style sheet: the Go fonts, cut to the glyphs the
// diagram uses and embedded as data URIs (an SVG shown through <img> may
// load nothing from outside), and for the Auto theme the dark colours
// behind a prefers-color-scheme media query.
func style(s *diagram.Scene, theme Theme) (string, error) {
	var b strings.Builder
	for _, f := range []typeface.Face{typeface.Mono, typeface.Regular} {
		text := fontText(s, f)
		if text == "" {
			continue
		}
		ttf, err := typeface.Subset(f, text)
		if err != nil {
			return "", err
		}
		b.WriteString(`@font-face{font-family:'` + f.Family() + `';src:url(data:font/ttf;base64,`)
		b.WriteString(base64.StdEncoding.EncodeToString(ttf))
		b.WriteString(`) format('truetype')}` + "\n")
	}
	if theme == Auto {
		b.WriteString("@media (prefers-color-scheme: dark){\n")
		b.WriteString(colours(diagram.Dark))
		b.WriteString("}\n")
	}
	return b.String(), nil
}

// colours is a rule per role setting the palette's colours, overriding the
// presentation attributes Graphviz wrote.
func colours(p diagram.Palette) string {
	var b strings.Builder
	b.WriteString(".bg{fill:" + p.Background + "}\n")
	for _, r := range diagram.Roles() {
		paint := p.Paint(r)
		c := "." + r.String()
		var decl []string
		if paint.Fill != "" {
			decl = append(decl, "fill:"+paint.Fill)
		}
		if paint.Stroke != "" {
			decl = append(decl, "stroke:"+paint.Stroke)
		}
		if r.IsText() {
			b.WriteString(c + " text{fill:" + paint.Fill + "}\n")
		} else if len(decl) > 0 {
			b.WriteString(c + " path," + c + " polygon{" + strings.Join(decl, ";") + "}\n")
		}
	}
	return b.String()
}
