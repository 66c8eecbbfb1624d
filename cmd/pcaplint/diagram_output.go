package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/internal/safefile"
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
	case ".svg", "":
		return "svg", nil
	}
	if isDir(output) {
		return "svg", nil
	}
	// A name such as x.jpg must not get an SVG under it, which a viewer
	// would then refuse.
	return "", fmt.Errorf("-o %s: pcaplint does not write %s files: name the file .svg, .png, .dot (or .gv), .mmd (or .mermaid) or .puml (or .plantuml, .pu), or give --format",
		output, filepath.Ext(output))
}

// renderer draws a diagram in one format.
type renderer struct {
	format string
	theme  svg.Theme
	layout diagram.LayoutOptions
	limits drawLimits
	// page is --page: rows per page, 0 for one picture.
	page int
}

// drawLimits bound a drawn diagram (SVG, PNG, DOT); the zero value is
// the defaults.
type drawLimits struct {
	maxItems  int   // --max-elements: the scene's items
	maxPixels int64 // --max-pixels: the PNG's pixels
}

func (r renderer) render(d *diagram.Diagram) ([]byte, error) {
	var b bytes.Buffer
	var err error
	switch r.format {
	case "mermaid":
		err = mermaid.Write(&b, d)
		return b.Bytes(), err
	case "plantuml":
		err = plantuml.Write(&b, d)
		return b.Bytes(), err
	}
	// Every row and lifeline is at least one element: a diagram over the
	// limit by that count alone is refused before it is laid out.
	if err := r.limits.checkItems(len(d.Rows)+len(d.Lanes), "at least "); err != nil {
		return nil, err
	}
	s := diagram.Lay(d, r.layout)
	if err := r.limits.check(s, r.format); err != nil {
		return nil, err
	}
	switch r.format {
	case "dot":
		err = dot.Write(&b, s, r.theme.Palette())
	case "png":
		theme := r.theme
		if theme == svg.Auto { // a raster has one look: the light one
			theme = svg.Light
		}
		var out []byte
		if out, err = svg.Render(s, theme, d.Caption); err == nil {
			err = png.Write(&b, out, r.limits.pixels())
		}
	default:
		var out []byte
		out, err = svg.Render(s, r.theme, d.Caption)
		b.Write(out)
	}
	return b.Bytes(), err
}

// tooLargeAdvice is what to do about a diagram over a limit.
const tooLargeAdvice = "draw fewer connections (--conn, --filter, no --merged), fold more (--max-rows), or raise "

// check refuses a laid-out scene that is over a limit, before Graphviz or
// the rasteriser allocate for it: the error names the limit and the flag
// that raises it.
func (l drawLimits) check(s *diagram.Scene, format string) error {
	if err := l.checkItems(len(s.Items), ""); err != nil {
		return err
	}
	if format != "png" {
		return nil
	}
	if err := png.CheckSize(s.Width, s.Height, l.pixels()); err != nil {
		return fmt.Errorf("%w (--max-pixels): %s--max-pixels", err, tooLargeAdvice)
	}
	return nil
}

// checkItems refuses n elements over --max-elements; about says whether
// n is the count or a lower bound of it.
func (l drawLimits) checkItems(n int, about string) error {
	limit := l.maxItems
	if limit == 0 {
		limit = diagram.DefaultMaxItems
	}
	if limit > 0 && n > limit {
		return fmt.Errorf("the diagram would have %s%s elements, more than the limit of %s (--max-elements): %s--max-elements",
			about, diagram.Thousands(int64(n)), diagram.Thousands(int64(limit)), tooLargeAdvice)
	}
	return nil
}

// pixels is the PNG limit: --max-pixels, or the default; negative allows
// any size.
func (l drawLimits) pixels() int64 {
	if l.maxPixels == 0 {
		return png.DefaultMaxPixels
	}
	return l.maxPixels
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

// outputDir reports whether -o names a directory (see isDir), which it
// then creates when missing.
func outputDir(output string) (bool, error) {
	if output == "" || !isDir(output) {
		return false, nil
	}
	return true, os.MkdirAll(output, 0o755)
}

// writeDiagrams draws each group and writes it where -o says, as pages
// of r.page rows each when r.page is set.
func writeDiagrams(stdout, stderr io.Writer, output string, groups [][]*diagram.Conversation, opts diagram.Options, r renderer) error {
	if r.page > 0 {
		return writePages(stderr, output, groups, opts, r)
	}
	toDir, err := outputDir(output)
	if err != nil {
		return err
	}
	if !toDir && len(groups) > 1 {
		return fmt.Errorf("the input has %d connections: give -o DIR/ for one file each, pick some with --conn or --filter, or draw them together with --merged", len(groups))
	}
	skipped := 0
	for _, g := range groups {
		b, err := r.render(diagram.Build(g, opts))
		if err != nil && toDir {
			// One diagram over a limit leaves the others to be drawn.
			fmt.Fprintf(stderr, "pcaplint: error: %s: %s\n", fileName(g, formatExt[r.format]), err)
			skipped++
			continue
		}
		if err != nil {
			return err
		}
		if err := writeDrawing(stdout, output, toDir, fileName(g, formatExt[r.format]), r.format == "png", b); err != nil {
			return err
		}
	}
	if skipped > 0 {
		return fmt.Errorf("%d of %d diagrams were not drawn", skipped, len(groups))
	}
	return nil
}

// writeDrawing writes one drawing b where -o says: as name in the
// directory output (toDir), to the file output, or to standard output,
// where a PNG may not go to a terminal.
func writeDrawing(stdout io.Writer, output string, toDir bool, name string, isPNG bool, b []byte) error {
	switch {
	case toDir:
		return writeFile(output, name, b)
	case output != "":
		return safefile.Write(output, safefile.Bytes(b))
	case isPNG && stdoutIsTerminal():
		return fmt.Errorf("will not write a PNG to a terminal: give -o FILE.png")
	}
	_, err := stdout.Write(b)
	return err
}

// writeFile writes b to dir/name, refusing any name that is not one plain
// file name inside dir.
func writeFile(dir, name string, b []byte) error {
	if name != filepath.Base(name) || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return fmt.Errorf("refusing output file name %q", name)
	}
	return safefile.Write(filepath.Join(dir, name), safefile.Bytes(b))
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

// writePages draws each group as pages of r.page rows, one file a page:
// -o out.svg writes out-1.svg, out-2.svg, …, and -o DIR/ one such series
// per connection. A page over a limit is reported and the others drawn.
func writePages(stderr io.Writer, output string, groups [][]*diagram.Conversation, opts diagram.Options, r renderer) error {
	switch {
	case r.format != "svg" && r.format != "png" && r.format != "dot":
		return fmt.Errorf("--page draws svg, png or dot, not %s: the text formats are one document however long", r.format)
	case output == "":
		return fmt.Errorf("--page writes one file per page: give -o FILE (written as FILE-1, FILE-2, …) or -o DIR/")
	}
	toDir, err := outputDir(output)
	if err != nil {
		return err
	}
	if !toDir && len(groups) > 1 {
		return fmt.Errorf("the input has %d connections: give -o DIR/ for one series of pages each, pick one with --conn or --filter, or draw them together with --merged", len(groups))
	}
	failed, total := 0, 0
	for _, g := range groups {
		dir, name := filepath.Split(output)
		if toDir {
			dir, name = output, fileName(g, formatExt[r.format])
		}
		for k, p := range diagram.Build(g, opts).Pages(r.page) {
			total++
			page := pageName(name, k+1)
			b, err := r.render(p)
			if err == nil {
				err = writeFile(cmp.Or(dir, "."), page, b)
			}
			if err != nil {
				fmt.Fprintf(stderr, "pcaplint: error: %s: %s\n", filepath.Join(dir, page), err)
				failed++
			}
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d pages were not drawn", failed, total)
	}
	return nil
}

// pageName numbers a page's file: "out.svg" → "out-2.svg".
func pageName(name string, k int) string {
	ext := filepath.Ext(name)
	return strings.TrimSuffix(name, ext) + "-" + strconv.Itoa(k) + ext
}
