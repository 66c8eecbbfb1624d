// Package svg draws a laid-out diagram as a self-contained SVG: Graphviz
// draws the pinned DOT of package dot, and a rewrite pass keeps a small
// static vocabulary, sets every text where the layout placed it, adds the
// tooltips, and embeds subsets of the Go fonts and the theme's style, so
// that GitHub and browsers show it through <img> the same everywhere.
package svg

import (
	"bytes"
	"fmt"
	"io"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/dot"
)

// Theme picks the colours.
type Theme uint8

// Themes. Auto draws the light palette and switches to the dark one with a
// prefers-color-scheme media query.
const (
	Auto Theme = iota
	Light
	Dark
)

// ParseTheme reads "auto", "light" or "dark".
func ParseTheme(s string) (Theme, error) {
	switch s {
	case "auto":
		return Auto, nil
	case "light":
		return Light, nil
	case "dark":
		return Dark, nil
	}
	return Auto, fmt.Errorf("unknown theme %q (want light, dark or auto)", s)
}

// Palette is the palette drawn into the shapes; Auto draws Light.
func (t Theme) Palette() diagram.Palette {
	if t == Dark {
		return diagram.Dark
	}
	return diagram.Light
}

// Write renders scene s as SVG to w. caption is the accessible name.
func Write(w io.Writer, s *diagram.Scene, theme Theme, caption string) error {
	b, err := Render(s, theme, caption)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Render renders scene s as SVG.
func Render(s *diagram.Scene, theme Theme, caption string) ([]byte, error) {
	var d bytes.Buffer
	if err := dot.Write(&d, s, theme.Palette()); err != nil {
		return nil, err
	}
	raw, err := renderDOT(d.Bytes())
	if err != nil {
		return nil, err
	}
	gv, err := parseTree(raw)
	if err != nil {
		return nil, fmt.Errorf("graphviz svg: %w", err)
	}
	css, err := style(s, theme)
	if err != nil {
		return nil, err
	}
	rw := &rewriter{scene: s}
	root := &node{Name: "svg", Attrs: nil}
	root.set("xmlns", "http://www.w3.org/2000/svg")
	root.set("width", num(s.Width))
	root.set("height", num(s.Height))
	root.set("viewBox", "0 0 "+num(s.Width)+" "+num(s.Height))
	root.set("role", "img")
	root.set("aria-label", caption)
	bg := &node{Name: "rect", Attrs: nil}
	bg.set("class", "bg")
	bg.set("width", "100%")
	bg.set("height", "100%")
	bg.set("fill", theme.Palette().Background)
	root.Children = append(root.Children,
		&node{Name: "title", Children: []*node{{Text: caption}}},
		&node{Name: "style", Children: []*node{{Text: css}}}, bg)
	for _, g := range rw.clean(gv.Children, nil) {
		if g.Name == "g" {
			g.set("transform", "translate(0 "+num(s.Height)+")")
		}
		root.Children = append(root.Children, g)
	}
	var out bytes.Buffer
	out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	root.write(&out)
	out.WriteString("\n")
	return out.Bytes(), nil
}
