package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/dot"
	"github.com/pcaplint/pcaplint/render/diagram/mermaid"
	"github.com/pcaplint/pcaplint/render/diagram/plantuml"
	"github.com/pcaplint/pcaplint/render/diagram/png"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
)

// formatExt maps each output format to its file extension.
var formatExt = map[string]string{
	"svg": ".svg", "png": ".png", "dot": ".dot", "mermaid": ".mmd", "plantuml": ".puml",
}

// outputFormat is --format, or what -o's extension says, or svg.
func outputFormat(format, output string) (string, error) {
	if format != "" {
		if _, ok := formatExt[format]; !ok {
			return "", fmt.Errorf("--format must be svg, png, dot, mermaid or plantuml, not %q", format)
		}
		return format, nil
	}
	switch strings.ToLower(filepath.Ext(output)) {
	case ".png":
		return "png", nil
	case ".dot", ".gv":
		return "dot", nil
	case ".mmd", ".mermaid":
		return "mermaid", nil
	case ".puml", ".plantuml", ".pu":
		return "plantuml", nil
	}
	return "svg", nil
}

// renderer draws a diagram in one format.
type renderer struct {
	format string
	theme  svg.Theme
	layout diagram.LayoutOptions
}

func (r renderer) render(d *diagram.Diagram) ([]byte, error) {
	var b bytes.Buffer
	var err error
	switch r.format {
	case "mermaid":
		err = mermaid.Write(&b, d)
	case "plantuml":
		err = plantuml.Write(&b, d)
	case "dot":
		err = dot.Write(&b, diagram.Lay(d, r.layout), r.theme.Palette())
	case "png":
		theme := r.theme
		if theme == svg.Auto { // a raster has one look: the light one
			theme = svg.Light
		}
		var s []byte
		if s, err = svg.Render(diagram.Lay(d, r.layout), theme, d.Caption); err == nil {
			err = png.Write(&b, s)
		}
	default:
		var s []byte
		s, err = svg.Render(diagram.Lay(d, r.layout), r.theme, d.Caption)
		b.Write(s)
	}
	return b.Bytes(), err
}

// isDir reports whether -o names a directory: it ends in a separator or
// is one already.
func isDir(output string) bool {
	if strings.HasSuffix(output, "/") || strings.HasSuffix(output, string(filepath.Separator)) {
		return true
	}
	st, err := os.Stat(output)
	return err == nil && st.IsDir()
}

// writeDiagrams draws each group and writes it where -o says.
func writeDiagrams(stdout io.Writer, output string, groups [][]*diagram.Conversation, opts diagram.Options, r renderer) error {
	toDir := output != "" && isDir(output)
	if !toDir && len(groups) > 1 {
		return fmt.Errorf("the input has %d connections: give -o DIR/ for one file each, pick some with --conn or --filter, or draw them together with --merged", len(groups))
	}
	if toDir {
		if err := os.MkdirAll(output, 0o755); err != nil {
			return err
		}
	}
	for _, g := range groups {
		b, err := r.render(diagram.Build(g, opts))
		if err != nil {
			return err
		}
		switch {
		case toDir:
			err = writeFile(output, fileName(g, formatExt[r.format]), b)
		case output != "":
			err = os.WriteFile(output, b, 0o644)
		case r.format == "png" && stdoutIsTerminal():
			err = fmt.Errorf("will not write a PNG to a terminal: give -o FILE.png")
		default:
			_, err = stdout.Write(b)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// writeFile writes b to dir/name, refusing any name that is not one plain
// file name inside dir.
func writeFile(dir, name string, b []byte) error {
	if name != filepath.Base(name) || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return fmt.Errorf("refusing output file name %q", name)
	}
	return os.WriteFile(filepath.Join(dir, name), b, 0o644)
}

// fileName names a group's diagram "<id>-<client>-<server><ext>", or
// "merged-<n>-connections<ext>", from characters safe on every file system.
func fileName(g []*diagram.Conversation, ext string) string {
	if len(g) != 1 {
		return "merged-" + strconv.Itoa(len(g)) + "-connections" + ext
	}
	c := g[0].Conn
	return strconv.Itoa(c.ID) + "-" + safeName(c.Client.String()) + "-" + safeName(c.Server.String()) + ext
}

// safeName keeps letters, digits and hyphens of s, and dots that follow
// a letter or digit (so no name starts with a dot or holds ".."), turns
// every run of anything else into one underscore, and stops at 64 bytes.
func safeName(s string) string {
	var b strings.Builder
	prev := byte('_')
	for _, r := range s {
		if b.Len() >= 64 {
			break
		}
		alnum := r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
		switch {
		case alnum || r == '-' || (r == '.' && prev != '_' && prev != '.' && prev != '-'):
			prev = byte(r)
		case prev == '_':
			continue
		default:
			prev = '_'
		}
		b.WriteByte(prev)
	}
	if name := b.String(); strings.Trim(name, "_") != "" {
		return name
	}
	return "unnamed"
}
