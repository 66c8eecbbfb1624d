package svg

import (
	"testing"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/internal/fixture"
)

// benchmarkSVG measures building, laying out and rendering the diagram of
// an n-segment connection, warm: Graphviz is already loaded.
func benchmarkSVG(b *testing.B, n int) {
	convs := fixture.Long(n)
	if _, err := Render(diagram.Lay(diagram.Build(convs, diagram.Options{}), diagram.LayoutOptions{}), Auto, ""); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d := diagram.Build(convs, diagram.Options{})
		if _, err := Render(diagram.Lay(d, diagram.LayoutOptions{}), Auto, d.Caption); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSVG20Segments(b *testing.B)    { benchmarkSVG(b, 20) }
func BenchmarkSVG10000Segments(b *testing.B) { benchmarkSVG(b, 10_000) }
