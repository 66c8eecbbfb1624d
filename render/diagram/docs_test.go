package diagram_test

import (
	"bytes"
	"testing"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/internal/fixture"
	"github.com/pcaplint/pcaplint/render/diagram/png"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
)

// TestDocsExamples keeps the rendered examples in docs/diagrams, which the
// README shows, in step with the code: go test ./render/... -update
// redraws them.
func TestDocsExamples(t *testing.T) {
	cases := append(fixture.All(), fixture.Case{Name: "long", Convs: fixture.Long(10_000)})
	withPNG := map[string]bool{"tutorial": true, "loopback": true, "retransmission": true, "long": true, "severities": true, "merged": true}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			d := diagram.Build(c.Convs, diagram.Options{})
			s := diagram.Lay(d, diagram.LayoutOptions{})
			b, err := svg.Render(s, svg.Auto, d.Caption)
			if err != nil {
				t.Fatal(err)
			}
			fixture.GoldenAt(t, "../../docs/diagrams", c.Name+".svg", b)
			if !withPNG[c.Name] {
				return
			}
			for _, theme := range []svg.Theme{svg.Light, svg.Dark} {
				b, err := svg.Render(s, theme, d.Caption)
				if err != nil {
					t.Fatal(err)
				}
				var out bytes.Buffer
				if err := png.Write(&out, b, png.DefaultMaxPixels); err != nil {
					t.Fatal(err)
				}
				name := c.Name + ".png"
				if theme == svg.Dark {
					name = c.Name + "-dark.png"
				}
				fixture.GoldenAt(t, "../../docs/diagrams", name, out.Bytes())
			}
		})
	}
}
