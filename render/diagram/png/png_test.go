package png

import (
	"bytes"
	"errors"
	"image/png"
	"io"
	"os"
	"strings"
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
	if err := Write(&out, b, DefaultMaxPixels); err != nil {
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

// TestTooLargeIsRefusedBeforeDrawing asks for rasters far beyond the
// limit: 200 connections drawn merged (1.6 billion pixels, which took 6.5
// GB and 200 s) and 10,000 (13 trillion, which asked the runtime for
// 12 TB). Each must be refused at once, with the size it would have had.
func TestTooLargeIsRefusedBeforeDrawing(t *testing.T) {
	for _, tc := range []struct {
		width, height string
		want          string
	}{
		{"49865", "8151", "99,730 × 16,302 pixels (1,625,798,460)"},
		{"2500000", "1300000", "5,000,000 × 2,600,000 pixels"},
	} {
		svg := `<svg xmlns="http://www.w3.org/2000/svg" width="` + tc.width + `" height="` + tc.height + `"><rect x="0" y="0" width="10" height="10"/></svg>`
		err := Write(io.Discard, []byte(svg), DefaultMaxPixels)
		var tl *TooLargeError
		if !errors.As(err, &tl) {
			t.Fatalf("%s × %s: got %v, want a TooLargeError", tc.width, tc.height, err)
		}
		if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "limit of 20,000,000 pixels") {
			t.Errorf("%s × %s: %q does not give the size %q and the limit", tc.width, tc.height, err, tc.want)
		}
	}
	if err := CheckSize(49865, 8151, 0); err != nil {
		t.Errorf("a limit of 0 allows any size, got %v", err)
	}
}
