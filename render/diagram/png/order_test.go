package png

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"testing"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/rasterizer"
)

// TestRightToLeftDrawsTheSamePicture rasterises the diagrams and graphs
// the tests and docs keep with each path's subpaths right to left and as
// written: the pixels must be the same.
func TestRightToLeftDrawsTheSamePicture(t *testing.T) {
	var svgs []string
	for _, pattern := range []string{"../../../docs/diagrams/*.svg", "../../graph/testdata/*-light.svg"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		svgs = append(svgs, m...)
	}
	if len(svgs) < 10 {
		t.Fatalf("%d drawings found, want the docs' and the graph goldens", len(svgs))
	}
	raster := func(b []byte) *image.RGBA {
		c, err := draw(b, -1)
		if err != nil {
			t.Fatal(err)
		}
		return rasterizer.Draw(c, canvas.DPMM(Scale), canvas.DefaultColorSpace)
	}
	defer func() { orderSubpaths = rightToLeft }()
	many := 0
	for _, path := range svgs {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		orderSubpaths = rightToLeft
		ordered := raster(b)
		orderSubpaths = func(p *canvas.Path) *canvas.Path { return p }
		written := raster(b)
		if !bytes.Equal(ordered.Pix, written.Pix) || ordered.Rect != written.Rect {
			t.Errorf("%s: the picture differs with the subpaths right to left", filepath.Base(path))
		}
		if bytes.Count(b, []byte("M")) > 4*manySubpaths {
			many++
		}
	}
	if many == 0 {
		t.Error("no drawing has paths of many subpaths: the test compares nothing")
	}
}
