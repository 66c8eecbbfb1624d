package main

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
	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/rules"
)

// diagramSink writes the SVG diagrams of a batch under one directory,
// OUT/<input path>/<n>-<client>-<server>.svg. Every path component is
// made safe (safeName), writes go through an os.Root so nothing lands
// outside OUT, and a symbolic link met inside OUT is refused rather than
// followed.
type diagramSink struct {
	dir  string
	root *os.Root
	// all draws every connection, not only those with findings.
	all bool
	// lang is the language of the diagrams' words (lint --lang).
	lang rules.Lang
}

// newDiagramSink creates dir if needed and opens it as the root of every
// write.
func newDiagramSink(dir string, all bool) (*diagramSink, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("--diagrams-dir: %w", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("--diagrams-dir: %w", err)
	}
	return &diagramSink{dir: dir, root: root, all: all}, nil
}

// Close releases the directory.
func (s *diagramSink) Close() error { return s.root.Close() }

// write draws the chosen conversations of one input and returns where
// each went, by connection ID, relative to the sink's directory with
// slashes.
func (s *diagramSink) write(input string, convs []*diagram.Conversation, findings []rules.Finding) (map[int]string, error) {
	flagged := map[int]bool{}
	for _, f := range findings {
		flagged[f.Conn.ID] = true
	}
	diagram.Attach(convs, findings)
	dir := safePath(input)
	out := map[int]string{}
	for _, c := range convs {
		if !s.all && !flagged[c.Conn.ID] {
			continue
		}
		g := []*diagram.Conversation{c}
		b, err := drawing.SVG.Diagram(diagram.Build(g, diagram.Options{Lang: s.lang}), drawing.Options{Theme: svg.Auto})
		if err != nil {
			return out, fmt.Errorf("%s: connection %d: drawing: %w", input, c.Conn.ID, err)
		}
		rel := path.Join(append(dir, fileName(g, drawing.SVG.Ext()))...)
		if err := s.writeFile(rel, b); err != nil {
			return out, err
		}
		out[c.Conn.ID] = rel
	}
	return out, nil
}

// safePath turns an input path into safe directory names: no empty, "."
// or ".." component, no leading separator, only safeName's characters.
// Distinct inputs get distinct names, the same on every run: a component
// that safeName changes ("a b.pcap", "..") carries a hash of what it was
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
		name := safeName(p)
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

// writeFile writes b at rel (slash-separated) under the sink, making the
// directories on the way and refusing symbolic links.
func (s *diagramSink) writeFile(rel string, b []byte) error {
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

// mkdir makes one directory under the sink unless it is there already; a
// symbolic link or a file in its place is an error.
func (s *diagramSink) mkdir(name string) error {
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
