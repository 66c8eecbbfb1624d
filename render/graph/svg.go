package graph

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/render/diagram/svg"
	"github.com/pcaplint/pcaplint/render/diagram/typeface"
)

// canvas writes the SVG of one graph. Every element carries its colours
// as presentation attributes (what the PNG rasteriser reads) and its role
// as class (what the Auto theme's dark style sheet overrides). It writes
// only what package png reads: path, polygon and text.
type canvas struct {
	body  strings.Builder
	text  strings.Builder // every string drawn, for the font subset
	theme svg.Theme
	pal   colours
}

// fontSize is the size of labels; titleSize of the headings.
const (
	fontSize  = 11
	titleSize = 13
)

// num formats a coordinate with at most one decimal: the SVG is the same
// bytes for the same input on every machine.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

// attr escapes s for an attribute value or text content.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		default:
			if r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFD || r >= 0xFFFE && r <= 0xFFFF {
				b.WriteString("\uFFFD")
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// stroke draws path d as a line of role r, width w, dashed when dash is
// not empty; title, when not empty, is its tooltip.
func (c *canvas) stroke(d string, r role, w float64, dash, title string) {
	c.body.WriteString(`<path class="` + roleNames[r] + `" d="` + d + `" fill="none" stroke="` + c.pal.colour[r] +
		`" stroke-width="` + num(w) + `"`)
	if dash != "" {
		c.body.WriteString(` stroke-dasharray="` + dash + `"`)
	}
	c.close(title)
}

// fill fills path d in role r's colour.
func (c *canvas) fill(d string, r role, title string) {
	c.body.WriteString(`<path class="` + roleNames[r] + `-fill" d="` + d + `" fill="` + c.pal.colour[r] + `" stroke="none"`)
	c.close(title)
}

func (c *canvas) close(title string) {
	if title == "" {
		c.body.WriteString("/>\n")
		return
	}
	c.body.WriteString("><title>" + escape(title) + "</title></path>\n")
}

// line draws a straight line.
func (c *canvas) line(x1, y1, x2, y2 float64, r role, w float64, dash string) {
	c.stroke("M"+num(x1)+" "+num(y1)+"L"+num(x2)+" "+num(y2), r, w, dash, "")
}

// rect is the path of a rectangle.
func rect(x, y, w, h float64) string {
	return "M" + num(x) + " " + num(y) + "h" + num(w) + "v" + num(h) + "h" + num(-w) + "Z"
}

// anchor is a text's alignment on its x.
type anchor string

const (
	left   anchor = "start"
	centre anchor = "middle"
	right  anchor = "end"
)

// label writes s with its baseline at y.
func (c *canvas) label(x, y float64, s string, size float64, a anchor, r role) {
	c.text.WriteString(s)
	c.body.WriteString(`<text class="` + roleNames[r] + `-text" x="` + num(x) + `" y="` + num(y) +
		`" font-family="` + typeface.Regular.Stack() + `" font-size="` + num(size) + `" text-anchor="` + string(a) +
		`" fill="` + c.pal.colour[r] + `">` + escape(s) + "</text>\n")
}

// textWidth is how wide s is set in the labels' face.
func textWidth(s string, size float64) float64 { return typeface.Width(typeface.Regular, size, s) }

// document wraps the body in the SVG element with the embedded font and
// the style sheet.
func (c *canvas) document(width, height float64, caption string) ([]byte, error) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + num(width) + `" height="` + num(height) +
		`" viewBox="0 0 ` + num(width) + " " + num(height) + `" role="img" aria-label="` + escape(caption) + `">` + "\n")
	b.WriteString("<title>" + escape(caption) + "</title>\n<style>")
	ttf, err := typeface.Subset(typeface.Regular, c.text.String()+caption)
	if err != nil {
		return nil, err
	}
	b.WriteString(`@font-face{font-family:'` + typeface.Regular.Family() + `';src:url(data:font/ttf;base64,`)
	b.WriteString(base64.StdEncoding.EncodeToString(ttf))
	b.WriteString(`) format('truetype')}` + "\n")
	if c.theme == svg.Auto {
		b.WriteString("@media (prefers-color-scheme: dark){\n" + darkPalette.css() + "}\n")
	}
	b.WriteString("</style>\n")
	b.WriteString(`<rect class="bg" width="100%" height="100%" fill="` + c.pal.background + `"/>` + "\n")
	b.WriteString(c.body.String())
	b.WriteString("</svg>\n")
	return []byte(b.String()), nil
}

// css is the style sheet that paints every role in p's colours.
func (p colours) css() string {
	var b strings.Builder
	b.WriteString(".bg{fill:" + p.background + "}\n")
	for r := range numRoles {
		n, col := roleNames[r], p.colour[r]
		b.WriteString("." + n + "{stroke:" + col + "}." + n + "-fill{fill:" + col + "}." + n + "-text{fill:" + col + "}\n")
	}
	return b.String()
}
