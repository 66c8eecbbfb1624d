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

// writeHTML writes the report page to path (--html), linking each diagram
// and time-sequence graph (given relative to diagramsDir) relative to the
// page, in language l.
func writeHTML(path string, rep *report.Report, diagramsDir string, diagrams, graphs map[string]map[int]string, l rules.Lang) error {
	opts, err := html.Linked(path, diagramsDir, diagrams, graphs, l)
	if err == nil {
		err = os.MkdirAll(filepath.Dir(path), 0o755)
	}
	if err == nil {
		err = safefile.Write(path, func(w io.Writer) error { return html.Write(w, rep, opts) })
	}
	if err != nil {
		return fmt.Errorf("--html: %w", err)
	}
	return nil
}
