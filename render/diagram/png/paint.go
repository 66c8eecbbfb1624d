package png

import (
	"image/color"
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
	p.ctx.DrawPath(0, p.dy, path)
	return nil
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
