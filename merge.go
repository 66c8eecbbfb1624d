package pcaplint

import (
	"io"

	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/render/report"
)

// Merged is the JSON reports of lint shards joined (Merge).
type Merged struct {
	// JSON is the merged JSON report, Report the report it holds.
	JSON   *report.JSONReport
	Report *report.Report
	// Problems are what is wrong with the set (report.Merge).
	Problems []error
}

// Merge reads the JSON reports of lint shards named by names with read
// (which bounds what it reads) and joins them as pcaplint merge does
// (report.Merge); the error is a report that could not be read.
func Merge(names []string, read func(string) ([]byte, error)) (*Merged, error) {
	reps, err := report.ReadJSONFiles(names, read)
	if err != nil {
		return nil, err
	}
	m := &Merged{}
	m.JSON, m.Problems = report.Merge(reps)
	m.Report, err = m.JSON.Report()
	return m, err
}

// Print prints the merged report with p on w: JSON as the shards wrote it
// (what they hold that Report does not read is kept), every other format
// as lint prints it (report.PrintBatch).
func (m *Merged) Print(w io.Writer, p report.Printer) error {
	if _, ok := p.(report.JSON); ok {
		return m.JSON.Write(w)
	}
	return report.PrintBatch(w, p, m.Report)
}

// Drawn finds the diagrams and time-sequence graphs that lint
// --diagrams-dir drew under dir for the connections of rep
// (drawing.Found), for the HTML page; none when dir is empty.
func Drawn(dir string, rep *report.Report) (diagrams, graphs map[string]map[int]string) {
	if dir == "" {
		return nil, nil
	}
	diagrams, graphs = map[string]map[int]string{}, map[string]map[int]string{}
	for _, f := range rep.Files {
		d, g := drawing.Found(dir, f.Path, f.Conns)
		if len(d) > 0 {
			diagrams[f.Path] = d
		}
		if len(g) > 0 {
			graphs[f.Path] = g
		}
	}
	return diagrams, graphs
}
