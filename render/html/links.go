package html

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/pcaplint/pcaplint/internal/safefile"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

// WriteFile writes the page of rep to the file page (lint --html),
// creating its directory, never through a symbolic link, showing the
// drawings found under dir as Linked links them.
func WriteFile(page string, rep *report.Report, dir string, diagrams, graphs map[string]map[int]string, l rules.Lang) error {
	o, err := Linked(page, dir, diagrams, graphs, l)
	if err == nil {
		err = os.MkdirAll(filepath.Dir(page), 0o755)
	}
	if err == nil {
		err = safefile.Write(page, func(w io.Writer) error { return Write(w, rep, o) })
	}
	return err
}

// Linked is the Options of a page written at path page, in language l,
// showing the diagrams and time-sequence graphs found under dir (lint
// --diagrams-dir): each given by input path and connection ID, relative
// to dir with slashes, and linked relative to the page.
func Linked(page, dir string, diagrams, graphs map[string]map[int]string, l rules.Lang) (Options, error) {
	o := Options{Lang: l}
	var err error
	if o.Diagrams, err = links(page, dir, diagrams); err != nil {
		return o, err
	}
	o.Graphs, err = links(page, dir, graphs)
	return o, err
}

// links turns drawings' paths relative to dir into URLs relative to the
// page.
func links(page, dir string, drawn map[string]map[int]string) (map[string]map[int]string, error) {
	if len(drawn) == 0 {
		return nil, nil
	}
	from, err := filepath.Abs(filepath.Dir(page))
	if err != nil {
		return nil, err
	}
	to, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	base, err := filepath.Rel(from, to)
	if err != nil {
		return nil, fmt.Errorf("no relative way from %s to %s: %w", page, dir, err)
	}
	out := map[string]map[int]string{}
	for input, byConn := range drawn {
		out[input] = map[int]string{}
		for id, rel := range byConn {
			out[input][id] = RelativeURL(filepath.ToSlash(filepath.Join(base, filepath.FromSlash(rel))))
		}
	}
	return out, nil
}
