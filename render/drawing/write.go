package drawing

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/internal/safefile"
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/rules"
)

// Output is where the drawings of one command go.
type Output struct {
	// Path is -o: a file, a directory (see IsDir) for one file per
	// connection, or "" for Stdout. The directory a drawing goes in
	// (Path's parent for a file) is made when missing.
	Path string
	// Stdout receives a drawing when Path is "".
	Stdout io.Writer
	// Stderr receives, as "pcaplint: error: NAME: ERR", each drawing that
	// failed while others were drawn.
	Stderr io.Writer
	// Terminal says Stdout is a terminal, where a binary format is
	// refused.
	Terminal bool
}

// dir reports whether Path names a directory.
func (out Output) dir() bool { return out.Path != "" && IsDir(out.Path) }

// makeDir makes dir, where file is about to be written, and the
// directories on the way when missing: -o slides/conn.png makes slides/
// as -o slides/ does. dir is the one the user named, or the parent of
// the file named; the drawings' own names never leave it (WriteFile). Its
// error names file.
func makeDir(dir, file string) error {
	if err := os.MkdirAll(cmp.Or(dir, "."), 0o755); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// WriteDiagrams draws each group of conversations in format f as built
// with build and writes it to out, as pages of o.Page rows each when
// o.Page is set. Several groups need a directory; in one, a diagram over
// a limit is reported on out.Stderr and leaves the others to be drawn.
func WriteDiagrams(out Output, f *Format, groups [][]*diagram.Conversation, build diagram.Options, o Options) error {
	if o.Page > 0 {
		return writePages(out, f, groups, build, o)
	}
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = FileName(g, f.Ext())
	}
	return out.write(f, names, "diagrams", "pick some with --conn or --filter, or draw them together with --merged",
		func(i int) ([]byte, error) { return f.Diagram(diagram.Build(groups[i], build), o) })
}

// WriteGraphs draws each connection's graph in format f with opts and
// writes it to out: one file, a file per connection in a directory, or
// Stdout. Each graph marks its connection's findings of findings, and
// those that sum up a rule's beyond its limit, which count findings of
// any connection.
func WriteGraphs(out Output, f *Format, convs []*graph.Conversation, findings []rules.Finding, opts graph.Options, o Options) error {
	byConn := map[int][]rules.Finding{}
	var notShown []rules.Finding
	for _, fd := range findings {
		if fd.NotShown() > 0 {
			notShown = append(notShown, fd)
			continue
		}
		byConn[fd.Conn.ID] = append(byConn[fd.Conn.ID], fd)
	}
	names := make([]string, len(convs))
	for i, cv := range convs {
		names[i] = ConnFileName(cv.Conn, f.Ext())
	}
	return out.write(f, names, "graphs", "or pick one with --conn or --filter", func(i int) ([]byte, error) {
		opts.Findings = slices.Concat(byConn[convs[i].Conn.ID], notShown)
		return f.Graph(convs[i], opts, o)
	})
}

// write writes the drawings draw(i) named names[i] (in a directory) to
// out; what says what they are and pick how to draw fewer.
func (out Output) write(f *Format, names []string, what, pick string, draw func(int) ([]byte, error)) error {
	toDir := out.dir()
	if !toDir && len(names) > 1 {
		return fmt.Errorf("the input has %d connections: give -o DIR/ for one file each, %s", len(names), pick)
	}
	failed := 0
	for i, name := range names {
		b, err := draw(i)
		if err != nil && toDir {
			// One drawing over a limit leaves the others to be drawn.
			fmt.Fprintf(out.Stderr, "pcaplint: error: %s: %s\n", name, err)
			failed++
			continue
		}
		if err != nil {
			return err
		}
		if err := out.writeOne(toDir, name, f.Binary, b); err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d %s were not drawn", failed, len(names), what)
	}
	return nil
}

// writeOne writes one drawing b where Path says: as name in the
// directory Path (toDir), to the file Path, or to Stdout, where a binary
// format may not go to a terminal.
func (out Output) writeOne(toDir bool, name string, binary bool, b []byte) error {
	switch {
	case toDir:
		if err := makeDir(out.Path, filepath.Join(out.Path, name)); err != nil {
			return err
		}
		return WriteFile(out.Path, name, b)
	case out.Path != "":
		if err := makeDir(filepath.Dir(out.Path), out.Path); err != nil {
			return err
		}
		return safefile.Write(out.Path, safefile.Bytes(b))
	case binary && out.Terminal:
		return fmt.Errorf("will not write a PNG to a terminal: give -o FILE.png")
	}
	_, err := out.Stdout.Write(b)
	return err
}

// WriteFile writes b to dir/name, refusing any name that is not one plain
// file name inside dir.
func WriteFile(dir, name string, b []byte) error {
	if name != filepath.Base(name) || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return fmt.Errorf("refusing output file name %q", name)
	}
	return safefile.Write(filepath.Join(dir, name), safefile.Bytes(b))
}

// writePages draws each group as pages of o.Page rows, one file a page:
// Path out.svg writes out-1.svg, out-2.svg, …, and a directory one such
// series per connection. A page over a limit is reported and the others
// drawn.
func writePages(out Output, f *Format, groups [][]*diagram.Conversation, build diagram.Options, o Options) error {
	switch {
	case !f.Laid:
		return fmt.Errorf("--page draws %s, not %s: the text formats are one document however long", Diagrams.Laid().List(), f.Name)
	case out.Path == "":
		return fmt.Errorf("--page writes one file per page: give -o FILE (written as FILE-1, FILE-2, …) or -o DIR/")
	}
	toDir := out.dir()
	if !toDir && len(groups) > 1 {
		return fmt.Errorf("the input has %d connections: give -o DIR/ for one series of pages each, pick one with --conn or --filter, or draw them together with --merged", len(groups))
	}
	failed, total := 0, 0
	for _, g := range groups {
		dir, name := filepath.Split(out.Path)
		if toDir {
			dir, name = out.Path, FileName(g, f.Ext())
		}
		for k, p := range diagram.Build(g, build).Pages(o.Page) {
			total++
			page := PageName(name, k+1)
			b, err := f.Diagram(p, o)
			if err != nil {
				err = fmt.Errorf("%s: %w", filepath.Join(dir, page), err)
			} else if err = makeDir(dir, filepath.Join(dir, page)); err == nil {
				err = WriteFile(cmp.Or(dir, "."), page, b) // its errors name the file
			}
			if err != nil {
				fmt.Fprintf(out.Stderr, "pcaplint: error: %s\n", err)
				failed++
			}
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d pages were not drawn", failed, total)
	}
	return nil
}

// PageName numbers a page's file: "out.svg" → "out-2.svg".
func PageName(name string, k int) string {
	ext := filepath.Ext(name)
	return strings.TrimSuffix(name, ext) + "-" + strconv.Itoa(k) + ext
}

// FileName names a group's drawing "<id>-<client>-<server><ext>", or
// "merged-<n>-connections<ext>", from characters safe on every file
// system.
func FileName(g []*diagram.Conversation, ext string) string {
	if len(g) != 1 {
		return "merged-" + strconv.Itoa(len(g)) + "-connections" + ext
	}
	return ConnFileName(g[0].Conn, ext)
}

// ConnFileName names connection c's drawing "<id>-<client>-<server><ext>".
func ConnFileName(c *rules.Conn, ext string) string {
	return strconv.Itoa(c.ID) + "-" + SafeName(c.Client.String()) + "-" + SafeName(c.Server.String()) + ext
}

// SafeName keeps letters, digits and hyphens of s, and dots that follow
// a letter or digit (so no name starts with a dot or holds ".."), turns
// every run of anything else into one underscore, and stops at 64 bytes.
func SafeName(s string) string {
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
