package png

import (
	"bytes"
	"image/png"
	"os"
	"testing"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/internal/fixture"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
)

func TestPNGIsTheSVGsSize(t *testing.T) {
	d := diagram.Build(fixture.Retransmission(), diagram.Options{})
	s := diagram.Lay(d, diagram.LayoutOptions{})
	b, err := svg.Render(s, svg.Light, d.Caption)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Write(&out, b); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	if w != int(s.Width)*Scale || h != int(s.Height)*Scale {
		t.Errorf("PNG is %d×%d, want %d×%d", w, h, int(s.Width)*Scale, int(s.Height)*Scale)
	}
	if dir := os.Getenv("PCAPLINT_PNG_OUT"); dir != "" {
		os.WriteFile(dir+"/retransmission.png", out.Bytes(), 0o644)
	}
}
