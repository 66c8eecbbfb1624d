package png

import (
	"cmp"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"github.com/tdewolff/canvas"

	"github.com/pcaplint/pcaplint/render/diagram/typeface"
)

// style sets fill, stroke, width and dashes from an element's attributes.
func (p *painter) style(a map[string]string) {
	p.ctx.SetFillColor(paint(a["fill"], color.RGBA{A: 255}))
	p.ctx.SetStrokeColor(paint(a["stroke"], color.RGBA{}))
	w := 1.0
	if s, ok := a["stroke-width"]; ok {
		w = num(s)
	}
	p.ctx.SetStrokeWidth(w)
	p.ctx.SetDashes(0)
	if d := a["stroke-dasharray"]; d != "" {
		var dashes []float64
		for _, f := range strings.FieldsFunc(d, func(r rune) bool { return r == ',' || r == ' ' }) {
			dashes = append(dashes, num(f))
		}
		p.ctx.SetDashes(0, dashes...)
	}
}

func (p *painter) rect(a map[string]string, w, h float64) {
	p.style(map[string]string{"fill": a["fill"], "stroke": "none"})
	p.ctx.DrawPath(0, 0, canvas.Rectangle(w, h))
}

func (p *painter) path(a map[string]string) error {
	path, err := canvas.ParseSVGPath(a["d"])
	if err != nil {
		return err
	}
	p.style(a)
	p.ctx.DrawPath(0, p.dy, orderSubpaths(path))
	return nil
}

// orderSubpaths orders a path's subpaths before it is drawn: rightToLeft,
// or as they are in a test that compares the two.
var orderSubpaths = rightToLeft

// manySubpaths is how many subpaths a path has before rightToLeft orders
// them.
const manySubpaths = 16

// rightToLeft returns path with its subpaths from the rightmost to the
// leftmost. The rasteriser keeps the cells of each pixel row in a list
// sorted by x, and walks it from the left for every cell it adds: a
// graph's 1,000 columns drawn left to right as one path walked a row of
// 2,000 cells for each (the RTT graph of a million segments: 25 s of
// CPU to rasterise); right to left, each is added at the head. The
// subpaths are independent and the cells sum integer coverage, so the
// picture is the same.
func rightToLeft(path *canvas.Path) *canvas.Path {
	subs := path.Split()
	if len(subs) <= manySubpaths {
		return path
	}
	left := make([]float64, len(subs))
	for i, s := range subs {
		left[i] = s.FastBounds().X0
	}
	idx := make([]int, len(subs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int { return cmp.Compare(left[j], left[i]) })
	out := &canvas.Path{}
	for _, i := range idx {
		out = out.Append(subs[i])
	}
	return out
}

func (p *painter) polygon(a map[string]string) {
	path := &canvas.Path{}
	pts := strings.Fields(a["points"])
	for i, pt := range pts {
		x, y, _ := strings.Cut(pt, ",")
		if i == 0 {
			path.MoveTo(num(x), num(y))
		} else {
			path.LineTo(num(x), num(y))
		}
	}
	path.Close()
	p.style(a)
	p.ctx.DrawPath(0, p.dy, path)
}

func (p *painter) text(a map[string]string, s string) {
	face := typeface.Regular
	if strings.Contains(a["font-family"], typeface.Mono.Family()) {
		face = typeface.Mono
	}
	align := canvas.Left
	switch a["text-anchor"] {
	case "middle":
		align = canvas.Center
	case "end":
		align = canvas.Right
	}
	ff := p.fonts[face].Face(num(a["font-size"])/mmPerPt, paint(a["fill"], color.RGBA{A: 255}))
	p.ctx.DrawText(num(a["x"]), num(a["y"])+p.dy, canvas.NewTextLine(ff, s, align))
}

// paint reads "#rrggbb" and "none"; anything else is def.
func paint(s string, def color.RGBA) color.RGBA {
	if s == "none" {
		return color.RGBA{}
	}
	if len(s) != 7 || s[0] != '#' {
		return def
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return def
	}
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}
}
