package drawing

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/pcaplint/pcaplint/internal/safefile"
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/rules"
)

// Dir writes the SVG diagrams and time-sequence graphs of a batch under
// one directory: OUT/<input path>/<n>-<client>-<server>.svg and
// .tsg.svg beside it (DiagramFile, GraphFile). Every path component is
// made safe, writes go through an os.Root so nothing lands outside OUT,
// and a symbolic link met inside OUT is refused rather than followed.
type Dir struct {
	dir  string
	root *os.Root
	// All draws every connection, not only those with findings.
	All bool
	// Lang is the language of the drawings' words.
	Lang rules.Lang
}

// OpenDir creates dir if needed and opens it as the root of every write.
func OpenDir(dir string) (*Dir, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("--diagrams-dir: %w", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("--diagrams-dir: %w", err)
	}
	return &Dir{dir: dir, root: root}, nil
}

// Close releases the directory.
func (s *Dir) Close() error { return s.root.Close() }

// graphExt ends the name of a connection's time-sequence graph, written
// beside its diagram. The diagram's name is the same without ".tsg", so
// the two never meet.
const graphExt = ".tsg.svg"

// InputDir is the directory, relative to a Dir with slashes, of the
// drawings of input: its path with every component made safe.
func InputDir(input string) string { return path.Join(safePath(input)...) }

// DiagramFile is where a Dir writes the diagram of connection c of
// input, relative to the directory, with slashes.
func DiagramFile(input string, c *rules.Conn) string {
	return path.Join(InputDir(input), ConnFileName(c, SVG.Ext()))
}

// GraphFile is where a Dir writes the time-sequence graph of connection
// c of input, relative to the directory, with slashes.
func GraphFile(input string, c *rules.Conn) string {
	return path.Join(InputDir(input), ConnFileName(c, graphExt))
}

// Diagrams draws the chosen conversations of one input (those with
// findings, or every one when All) and returns where each went, by
// connection ID (see DiagramFile).
func (s *Dir) Diagrams(input string, convs []*diagram.Conversation, findings []rules.Finding) (map[int]string, error) {
	flagged := map[int]bool{}
	for _, f := range findings {
		flagged[f.Conn.ID] = true
	}
	diagram.Attach(convs, findings)
	out := map[int]string{}
	for _, c := range convs {
		if !s.All && !flagged[c.Conn.ID] {
			continue
		}
		b, err := SVG.Diagram(diagram.Build([]*diagram.Conversation{c}, diagram.Options{Lang: s.Lang}), Options{Theme: svg.Auto})
		if err != nil {
			return out, fmt.Errorf("%s: connection %d: drawing: %w", input, c.Conn.ID, err)
		}
		rel := DiagramFile(input, c.Conn)
		if err := s.WriteFile(rel, b); err != nil {
			return out, err
		}
		out[c.Conn.ID] = rel
	}
	return out, nil
}

// GraphCollector returns a graph.Collector that draws the time-sequence
// graph of each connection of input as soon as the connection ends (of
// those with findings, or every one when All), writes it under the
// directory and notes in drawn where it went, by connection ID. Drawing
// at the end of each connection keeps only the live ones in memory. A
// graph that cannot be drawn or written is added to errs; the reading
// goes on.
func (s *Dir) GraphCollector(input string, drawn map[int]string, errs *[]error) *graph.Collector {
	return &graph.Collector{Gap: diagram.DefaultGap, Done: func(cv *graph.Conversation, fs []rules.Finding) {
		if !s.All && len(fs) == 0 {
			return
		}
		b, err := graph.Draw(cv, graph.Options{Kind: graph.TSG, Theme: svg.Auto, Findings: fs, Lang: s.Lang})
		if err != nil {
			*errs = append(*errs, fmt.Errorf("%s: connection %d: drawing its graph: %w", input, cv.Conn.ID, err))
			return
		}
		rel := GraphFile(input, cv.Conn)
		if err := s.WriteFile(rel, b); err != nil {
			*errs = append(*errs, err)
			return
		}
		drawn[cv.Conn.ID] = rel
	}}
}

// Found returns the drawings a Dir wrote under dir for the connections
// of input, by connection ID: those of DiagramFile and GraphFile that
// are regular files there.
func Found(dir, input string, conns []*rules.Conn) (diagrams, graphs map[int]string) {
	diagrams, graphs = map[int]string{}, map[int]string{}
	for _, c := range conns {
		for _, f := range []struct {
			out map[int]string
			rel string
		}{{diagrams, DiagramFile(input, c)}, {graphs, GraphFile(input, c)}} {
			if st, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f.rel))); err == nil && st.Mode().IsRegular() {
				f.out[c.ID] = f.rel
			}
		}
	}
	return diagrams, graphs
}

// safePath turns an input path into safe directory names: no empty, "."
// or ".." component, no leading separator, only SafeName's characters.
// Distinct inputs get distinct names, the same on every run: a component
// that SafeName changes ("a b.pcap", "..") carries a hash of what it was
// ("a_b.pcap-c8687a08"), so it cannot meet an input really named
// "a_b.pcap", and an absolute path starts with a component of its own.
func safePath(input string) []string {
	var parts []string
	slashed := filepath.ToSlash(input)
	if strings.HasPrefix(slashed, "/") {
		parts = append(parts, "root-"+shortHash("/"))
	}
	for _, p := range strings.Split(slashed, "/") {
		switch p {
		case "", ".":
			continue
		}
		name := SafeName(p)
		if p == ".." {
			name = "up"
		}
		if name != p || hashed.MatchString(p) {
			name += "-" + shortHash(p)
		}
		parts = append(parts, name)
	}
	if len(parts) == 0 {
		parts = []string{"unnamed-" + shortHash(input)}
	}
	return parts
}

// hashed matches the names safePath gives changed components, so that an
// input really named like one ("up-5ec1f7e7") is changed too: every name
// safePath keeps as it is is then unlike every name it makes.
var hashed = regexp.MustCompile(`-[0-9a-f]{8}$`)

// shortHash is 8 hex digits of the SHA-256 of s: enough to tell apart the
// names of one run's inputs, stable across runs and machines.
func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:4])
}

// WriteFile writes b at rel (slash-separated) under the directory,
// making the directories on the way and refusing symbolic links.
func (s *Dir) WriteFile(rel string, b []byte) error {
	parts := strings.Split(rel, "/")
	for i := 1; i < len(parts); i++ {
		if err := s.mkdir(filepath.Join(parts[:i]...)); err != nil {
			return err
		}
	}
	if err := safefile.WriteIn(s.root, filepath.FromSlash(rel), safefile.Bytes(b)); err != nil {
		return fmt.Errorf("%s: writing %s: %w", s.dir, rel, err)
	}
	return nil
}

// mkdir makes one directory under the root unless it is there already; a
// symbolic link or a file in its place is an error.
func (s *Dir) mkdir(name string) error {
	st, err := s.root.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := s.root.Mkdir(name, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w", s.dir, err)
		}
		return s.mkdir(name) // check what is there now, another worker may have raced us
	case err != nil:
		return fmt.Errorf("%s: %w", s.dir, err)
	case st.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s: refusing to follow the symbolic link %s", s.dir, filepath.ToSlash(name))
	case !st.IsDir():
		return fmt.Errorf("%s: %s is in the way: not a directory", s.dir, filepath.ToSlash(name))
	}
	return nil
}
