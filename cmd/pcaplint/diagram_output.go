package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/internal/safefile"
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/drawing"
)

// outputDir reports whether -o names a directory (see drawing.IsDir), which it
// then creates when missing.
func outputDir(output string) (bool, error) {
	if output == "" || !drawing.IsDir(output) {
		return false, nil
	}
	return true, os.MkdirAll(output, 0o755)
}

// writeDiagrams draws each group and writes it where -o says, as pages
// of o.Page rows each when o.Page is set.
func writeDiagrams(stdout, stderr io.Writer, output string, groups [][]*diagram.Conversation, opts diagram.Options, format *drawing.Format, o drawing.Options) error {
	if o.Page > 0 {
		return writePages(stderr, output, groups, opts, format, o)
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
		b, err := format.Diagram(diagram.Build(g, opts), o)
		if err != nil && toDir {
			// One diagram over a limit leaves the others to be drawn.
			fmt.Fprintf(stderr, "pcaplint: error: %s: %s\n", fileName(g, format.Ext()), err)
			skipped++
			continue
		}
		if err != nil {
			return err
		}
		if err := writeDrawing(stdout, output, toDir, fileName(g, format.Ext()), format.Binary, b); err != nil {
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
func writeDrawing(stdout io.Writer, output string, toDir bool, name string, binary bool, b []byte) error {
	switch {
	case toDir:
		return writeFile(output, name, b)
	case output != "":
		return safefile.Write(output, safefile.Bytes(b))
	case binary && stdoutIsTerminal():
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

// writePages draws each group as pages of o.Page rows, one file a page:
// -o out.svg writes out-1.svg, out-2.svg, …, and -o DIR/ one such series
// per connection. A page over a limit is reported and the others drawn.
func writePages(stderr io.Writer, output string, groups [][]*diagram.Conversation, opts diagram.Options, format *drawing.Format, o drawing.Options) error {
	switch {
	case !format.Laid:
		return fmt.Errorf("--page draws %s, not %s: the text formats are one document however long", drawing.Diagrams.Laid().List(), format.Name)
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
			dir, name = output, fileName(g, format.Ext())
		}
		for k, p := range diagram.Build(g, opts).Pages(o.Page) {
			total++
			page := pageName(name, k+1)
			b, err := format.Diagram(p, o)
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
