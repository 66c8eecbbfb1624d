package png

import (
	"io"
	"testing"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/internal/fixture"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
)

func benchmarkPNG(b *testing.B, n int) {
	convs := fixture.Long(n)
	b.ReportAllocs()
	for b.Loop() {
		d := diagram.Build(convs, diagram.Options{})
		s, err := svg.Render(diagram.Lay(d, diagram.LayoutOptions{}), svg.Light, d.Caption)
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(io.Discard, s, DefaultMaxPixels); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPNG20Segments(b *testing.B)    { benchmarkPNG(b, 20) }
func BenchmarkPNG10000Segments(b *testing.B) { benchmarkPNG(b, 10_000) }
