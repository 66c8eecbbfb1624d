// Package typeface holds the two fonts diagrams are drawn in, Go Mono for
// segment labels and Go Regular for headings, with their metrics. Layout
// measures text with the same glyph advances the SVG embeds and the PNG
// rasteriser draws, so a label fits the same everywhere.
package typeface

import (
	"sync"
	"unicode"

	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Face names one of the two fonts.
type Face uint8

// The faces.
const (
	Mono Face = iota
	Regular
)

// Family is the CSS font-family name the SVG declares for the face.
func (f Face) Family() string {
	if f == Mono {
		return "Go Mono"
	}
	return "Go"
}

// Stack is the CSS font-family list: the embedded face first, then faces
// of the same kind most systems have.
func (f Face) Stack() string {
	if f == Mono {
		return "'Go Mono', ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace"
	}
	return "'Go', system-ui, 'DejaVu Sans', Helvetica, Arial, sans-serif"
}

// TTF is the face's TrueType file.
func (f Face) TTF() []byte {
	if f == Mono {
		return gomono.TTF
	}
	return goregular.TTF
}

// metrics caches the advance of every glyph of a face in font units.
type metrics struct {
	font       *sfnt.Font
	unitsPerEm float64
	advance    map[rune]float64
	missing    float64 // advance for runes the face lacks
}

var (
	loadOnce sync.Once
	faces    [2]*metrics
	loadErr  error
)

func load() {
	for i, ttf := range [][]byte{gomono.TTF, goregular.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			loadErr = err
			return
		}
		faces[i] = &metrics{font: f, unitsPerEm: float64(f.UnitsPerEm()), advance: map[rune]float64{}}
		faces[i].missing = 0.6 * faces[i].unitsPerEm
		var buf sfnt.Buffer
		for r := rune(0x20); r < 0x2700; r++ {
			gi, err := f.GlyphIndex(&buf, r)
			if err != nil || gi == 0 {
				continue
			}
			adv, err := f.GlyphAdvance(&buf, gi, fixed.Int26_6(f.UnitsPerEm())<<6, 0)
			if err != nil {
				continue
			}
			faces[i].advance[r] = float64(adv) / 64
		}
	}
}

func get(f Face) *metrics {
	loadOnce.Do(load)
	if loadErr != nil {
		panic("typeface: the embedded Go fonts do not parse: " + loadErr.Error())
	}
	return faces[f]
}

// Width is the advance width of s set in face f at size (in the same unit
// as size). Runes the face lacks count as 0.6 em, about what a fallback
// monospace face gives them.
func Width(f Face, size float64, s string) float64 {
	m := get(f)
	var units float64
	for _, r := range s {
		a, ok := m.advance[r]
		switch {
		case ok:
		case wide(r):
			a = m.unitsPerEm // the fallback font's full-width glyph
		default:
			a = m.missing
		}
		units += a
	}
	return units / m.unitsPerEm * size
}

// Has reports whether face f has a glyph for r.
func Has(f Face, r rune) bool {
	_, ok := get(f).advance[r]
	return ok
}

// wide reports whether r is a full-width character, which neither Go font
// has and every CJK font sets one em wide: Han ideographs, CJK and
// full-width punctuation (a diagram in Chinese, whose SVG text falls
// back to the reader's CJK font).
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}
