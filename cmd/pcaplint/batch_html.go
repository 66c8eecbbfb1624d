package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/pcaplint/pcaplint/internal/safefile"
	"github.com/pcaplint/pcaplint/render/html"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

// writeHTML writes the report page to path, linking each diagram and
// time-sequence graph (given relative to diagramsDir) relative to the
// page, in language l.
func writeHTML(path string, rep *report.Report, diagramsDir string, diagrams, graphs map[string]map[int]string, l rules.Lang) error {
	links, err := pageLinks(path, diagramsDir, diagrams)
	if err != nil {
		return err
	}
	graphLinks, err := pageLinks(path, diagramsDir, graphs)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("--html: %w", err)
	}
	err = safefile.Write(path, func(w io.Writer) error {
		return html.Write(w, rep, html.Options{Diagrams: links, Graphs: graphLinks, Lang: l})
	})
	if err != nil {
		return fmt.Errorf("--html: %w", err)
	}
	return nil
}

// pageLinks turns diagram or graph paths relative to diagramsDir into URLs
// relative to the page.
func pageLinks(page, diagramsDir string, diagrams map[string]map[int]string) (map[string]map[int]string, error) {
	if len(diagrams) == 0 {
		return nil, nil
	}
	from, err := filepath.Abs(filepath.Dir(page))
	if err != nil {
		return nil, err
	}
	to, err := filepath.Abs(diagramsDir)
	if err != nil {
		return nil, err
	}
	base, err := filepath.Rel(from, to)
	if err != nil {
		return nil, fmt.Errorf("--html: no relative way from %s to %s: %w", page, diagramsDir, err)
	}
	links := map[string]map[int]string{}
	for input, byConn := range diagrams {
		links[input] = map[int]string{}
		for id, rel := range byConn {
			links[input][id] = html.RelativeURL(filepath.ToSlash(filepath.Join(base, filepath.FromSlash(rel))))
		}
	}
	return links, nil
}
