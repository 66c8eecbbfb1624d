package pcaplint

import (
	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/render/report"
)

// Merge reads the JSON reports of lint shards named by names with read
// (which bounds what it reads) and joins them as pcaplint merge does
// (report.Merge): the merged JSON report, the Report it holds, and what
// is wrong with the set. err is a report that could not be read.
func Merge(names []string, read func(string) ([]byte, error)) (merged *report.JSONReport, rep *report.Report, problems []error, err error) {
	reps, err := report.ReadJSONFiles(names, read)
	if err != nil {
		return nil, nil, nil, err
	}
	merged, problems = report.Merge(reps)
	rep, err = merged.Report()
	return merged, rep, problems, err
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
