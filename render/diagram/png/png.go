// Package png rasterises a diagram's SVG in-process with tdewolff/canvas,
// drawing its text in the same embedded Go fonts, so that the PNG is the
// SVG's picture without any external program. It reads only the small
// vocabulary package svg writes: rect, g, path, polygon and text.
package png

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"strconv"
	"strings"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/rasterizer"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/typeface"
)

// Scale is how many pixels a PNG has per SVG unit: 2 for sharp text on
// high-density screens.
const Scale = 2

// DefaultMaxPixels is the largest raster Write makes by default: twenty
// million pixels, which take some 150 MB to draw and encode (about 7.7
// bytes a pixel). A diagram of 10,000 segments folded to 60 rows is 5.4
// million; 200 connections drawn merged, one lifeline per endpoint, would
// be 1.6 billion.
const DefaultMaxPixels = 20_000_000

// Pixels is how many pixels the raster of an SVG of width by height units
// has.
func Pixels(width, height float64) float64 { return width * Scale * height * Scale }

// TooLargeError is a raster refused before it is allocated.
type TooLargeError struct {
	Width, Height int64 // in pixels
	Limit         int64 // the most pixels allowed
}

// Error says the raster's size in pixels and the limit it is over.
func (e *TooLargeError) Error() string {
	return fmt.Sprintf("a PNG of %s × %s pixels (%s) is more than the limit of %s pixels",
		diagram.Thousands(e.Width), diagram.Thousands(e.Height), diagram.Thousands(e.Width*e.Height), diagram.Thousands(e.Limit))
}

// CheckSize refuses a raster of an SVG of width by height units with more
// than limit pixels (a *TooLargeError); a limit of 0 or less allows any.
func CheckSize(width, height float64, limit int64) error {
	if limit > 0 && Pixels(width, height) > float64(limit) {
		return &TooLargeError{Width: int64(width * Scale), Height: int64(height * Scale), Limit: limit}
	}
	return nil
}

// mmPerPt converts font sizes: canvas measures lengths in millimetres and
// font sizes in points, and one SVG unit is drawn as one millimetre.
const mmPerPt = 25.4 / 72

// Write rasterises svg and writes the PNG to w. A raster of more than
// maxPixels pixels (CheckSize) is refused before anything is drawn.
func Write(w io.Writer, svg []byte, maxPixels int64) error {
	c, err := draw(svg, maxPixels)
	if err != nil {
		return err
	}
	img := rasterizer.Draw(c, canvas.DPMM(Scale), canvas.DefaultColorSpace)
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	return enc.Encode(w, img)
}

// painter draws SVG elements on a canvas context.
type painter struct {
	ctx   *canvas.Context
	fonts map[typeface.Face]*canvas.FontFamily
	dy    float64 // the vertical translation of the current group
}

func draw(svg []byte, maxPixels int64) (*canvas.Canvas, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var (
		p     *painter
		c     *canvas.Canvas
		stack []float64 // dy per open group
		text  *xml.StartElement
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("png: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attrs := attrMap(t)
			if t.Name.Local == "svg" {
				w, h := num(attrs["width"]), num(attrs["height"])
				if w <= 0 || h <= 0 {
					return nil, errors.New("png: the SVG has no size")
				}
				if err := CheckSize(w, h, maxPixels); err != nil {
					return nil, err
				}
				c = canvas.New(w, h)
				p = newPainter(c)
				continue
			}
			if p == nil {
				return nil, errors.New("png: not an SVG")
			}
			switch t.Name.Local {
			case "g":
				stack = append(stack, p.dy)
				p.dy += translateY(attrs["transform"])
			case "rect":
				p.rect(attrs, c.W, c.H)
			case "path":
				if err := p.path(attrs); err != nil {
					return nil, err
				}
			case "polygon":
				p.polygon(attrs)
			case "text":
				start := t.Copy()
				text = &start
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "g":
				p.dy, stack = stack[len(stack)-1], stack[:len(stack)-1]
			case "text":
				text = nil
			}
		case xml.CharData:
			if text != nil && p != nil {
				p.text(attrMap(*text), string(t))
			}
		}
	}
	if c == nil {
		return nil, errors.New("png: no svg element")
	}
	return c, nil
}

func newPainter(c *canvas.Canvas) *painter {
	ctx := canvas.NewContext(c)
	ctx.SetCoordSystem(canvas.CartesianIV)
	p := &painter{ctx: ctx, fonts: map[typeface.Face]*canvas.FontFamily{}}
	for _, f := range []typeface.Face{typeface.Mono, typeface.Regular} {
		fam := canvas.NewFontFamily(f.Family())
		if err := fam.LoadFont(f.TTF(), 0, canvas.FontRegular); err != nil {
			panic("png: the embedded Go fonts do not load: " + err.Error())
		}
		p.fonts[f] = fam
	}
	return p
}

func attrMap(e xml.StartElement) map[string]string {
	m := make(map[string]string, len(e.Attr))
	for _, a := range e.Attr {
		m[a.Name.Local] = a.Value
	}
	return m
}

func num(s string) float64 {
	f, _ := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return f
}

// translateY reads the y of a "translate(x y)" transform, the only one
// package svg writes.
func translateY(t string) float64 {
	t = strings.TrimSpace(t)
	if !strings.HasPrefix(t, "translate(") || !strings.HasSuffix(t, ")") {
		return 0
	}
	f := strings.FieldsFunc(t[len("translate("):len(t)-1], func(r rune) bool { return r == ' ' || r == ',' })
	if len(f) != 2 {
		return 0
	}
	return num(f[1])
}
