package main

import (
	"fmt"
	"path"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/rules"
)

// graphExt ends the name of a connection's time-sequence graph, written
// beside its diagram: OUT/<input path>/<n>-<client>-<server>.tsg.svg. The
// diagram's name is the same without ".tsg", so the two never meet.
const graphExt = ".tsg.svg"

// graphRecorder returns a graph.Recorder that draws the time-sequence
// graph of each connection of input as soon as the connection ends (of
// those with findings, or every one when the sink draws all), writes it
// under the sink and notes in drawn where it went, by connection ID. Drawing at
// the end of each connection keeps only the live ones in memory. A graph
// that cannot be drawn or written is added to errs; the reading goes on.
func (s *diagramSink) graphRecorder(input string, drawn map[int]string, errs *[]error) *graph.Recorder {
	dir := safePath(input)
	return &graph.Recorder{Gap: diagram.DefaultGap, Done: func(cv *graph.Conversation, fs []rules.Finding) {
		if !s.all && len(fs) == 0 {
			return
		}
		b, err := graph.Draw(cv, graph.Options{Kind: graph.TSG, Theme: svg.Auto, Findings: fs, Lang: s.lang})
		if err != nil {
			*errs = append(*errs, fmt.Errorf("%s: connection %d: drawing its graph: %w", input, cv.Conn.ID, err))
			return
		}
		rel := path.Join(append(dir, graphName(cv.Conn))...)
		if err := s.writeFile(rel, b); err != nil {
			*errs = append(*errs, err)
			return
		}
		drawn[cv.Conn.ID] = rel
	}}
}

// graphName is the file name of connection c's time-sequence graph.
func graphName(c *rules.Conn) string {
	return fileName([]*diagram.Conversation{{Conn: c}}, graphExt)
}
