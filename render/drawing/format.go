package drawing

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/dot"
	"github.com/pcaplint/pcaplint/render/diagram/mermaid"
	"github.com/pcaplint/pcaplint/render/diagram/plantuml"
	"github.com/pcaplint/pcaplint/render/diagram/png"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
)

// Format is one output format of diagrams or graphs.
type Format struct {
	// Name is the format's name on the command line: "svg".
	Name string
	// Exts are the lower-case file name extensions that choose the
	// format; the first is the one pcaplint names its files with.
	Exts []string
	// MediaType is the format's media type.
	MediaType string
	// Binary is set for a format that must not be written to a terminal.
	Binary bool
	// Laid is set for a format drawn from the laid-out scene (svg, png,
	// dot): the element and pixel limits apply to it and it can be split
	// into pages. The text formats are one document however long.
	Laid bool

	diagram func(b *bytes.Buffer, d *diagram.Diagram, s *diagram.Scene, o Options) error
}

// Ext is the extension of the files pcaplint writes in the format.
func (f *Format) Ext() string { return f.Exts[0] }

// The formats.
var (
	SVG = &Format{Name: "svg", Exts: []string{".svg"}, MediaType: "image/svg+xml", Laid: true,
		diagram: func(b *bytes.Buffer, d *diagram.Diagram, s *diagram.Scene, o Options) error {
			out, err := svg.Render(s, o.Theme, d.Caption)
			b.Write(out)
			return err
		}}
	PNG = &Format{Name: "png", Exts: []string{".png"}, MediaType: "image/png", Binary: true, Laid: true,
		diagram: func(b *bytes.Buffer, d *diagram.Diagram, s *diagram.Scene, o Options) error {
			out, err := svg.Render(s, rasterTheme(o.Theme), d.Caption)
			if err == nil {
				err = png.Write(b, out, o.pixels())
			}
			return err
		}}
	DOT = &Format{Name: "dot", Exts: []string{".dot", ".gv"}, MediaType: "text/vnd.graphviz", Laid: true,
		diagram: func(b *bytes.Buffer, _ *diagram.Diagram, s *diagram.Scene, o Options) error {
			return dot.Write(b, s, o.Theme.Palette())
		}}
	Mermaid = &Format{Name: "mermaid", Exts: []string{".mmd", ".mermaid"}, MediaType: "text/plain; charset=utf-8",
		diagram: func(b *bytes.Buffer, d *diagram.Diagram, _ *diagram.Scene, _ Options) error {
			return mermaid.Write(b, d)
		}}
	PlantUML = &Format{Name: "plantuml", Exts: []string{".puml", ".plantuml", ".pu"}, MediaType: "text/plain; charset=utf-8",
		diagram: func(b *bytes.Buffer, d *diagram.Diagram, _ *diagram.Scene, _ Options) error {
			return plantuml.Write(b, d)
		}}
)

// rasterTheme is the theme of a PNG: a raster has one look, the light
// one, unless a theme is pinned.
func rasterTheme(t svg.Theme) svg.Theme {
	if t == svg.Auto {
		return svg.Light
	}
	return t
}

// Registry is the formats one kind of drawing can be written in, the
// default first.
type Registry []*Format

// Diagrams are the formats of sequence diagrams.
var Diagrams = Registry{SVG, PNG, DOT, Mermaid, PlantUML}

// Graphs are the formats of time graphs.
var Graphs = Registry{SVG, PNG}

// Names are the formats' names, in order.
func (r Registry) Names() []string {
	out := make([]string, len(r))
	for i, f := range r {
		out[i] = f.Name
	}
	return out
}

// List is the formats' names as a sentence lists them: "svg, png or dot".
func (r Registry) List() string { return orList(r.Names()) }

// Lookup returns the format named name.
func (r Registry) Lookup(name string) (*Format, error) {
	for _, f := range r {
		if f.Name == name {
			return f, nil
		}
	}
	return nil, fmt.Errorf("--format must be %s, not %q", r.List(), name)
}

// Choose is the format --format names, or else the one -o's extension
// says, or else the default (the first): for no -o and for a directory
// (a name ending in a separator or an existing directory). An extension
// of no format ("x.jpg") is an error naming the extensions: a viewer
// would refuse the file.
func (r Registry) Choose(format, output string) (*Format, error) {
	if format != "" {
		return r.Lookup(format)
	}
	ext := strings.ToLower(filepath.Ext(output))
	if ext == "" {
		return r[0], nil
	}
	for _, f := range r {
		for _, e := range f.Exts {
			if e == ext {
				return f, nil
			}
		}
	}
	if IsDir(output) {
		return r[0], nil
	}
	names := make([]string, len(r))
	for i, f := range r {
		names[i] = f.Exts[0]
		if len(f.Exts) > 1 {
			names[i] += " (or " + strings.Join(f.Exts[1:], ", ") + ")"
		}
	}
	return nil, fmt.Errorf("-o %s: pcaplint does not write %s files: name the file %s, or give --format",
		output, filepath.Ext(output), orList(names))
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// IsDir reports whether output names a directory: it ends in a separator
// or is one already.
func IsDir(output string) bool {
	if strings.HasSuffix(output, "/") || strings.HasSuffix(output, string(filepath.Separator)) {
		return true
	}
	st, err := os.Stat(output)
	return err == nil && st.IsDir()
}

// Laid are the formats of r drawn from the laid-out scene (see
// Format.Laid): those that can be split into pages.
func (r Registry) Laid() Registry {
	var out Registry
	for _, f := range r {
		if f.Laid {
			out = append(out, f)
		}
	}
	return out
}
