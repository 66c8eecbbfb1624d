package drawing

import (
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/rules"
)

// Drawn is where the diagrams and the time-sequence graphs of one input
// went, by connection ID, relative to the Dir with slashes.
type Drawn struct{ Diagrams, Graphs map[int]string }

// Input draws one input of a batch into a Dir: read the input with its
// Observers, give the engine's kept findings to Finding (rules.Engine's
// OnKeep), and call Finish when it is read.
type Input struct {
	dir   *Dir
	path  string
	dcoll *diagram.Collector
	gcoll *graph.Collector
	drawn *Drawn
	errs  []error
}

// Input starts drawing the input at path.
func (s *Dir) Input(path string) *Input {
	in := &Input{dir: s, path: path, dcoll: &diagram.Collector{}, drawn: &Drawn{Graphs: map[int]string{}}}
	in.gcoll = s.GraphCollector(path, in.drawn.Graphs, &in.errs)
	return in
}

// Observers are the tracker's observers that collect what the input
// draws. The engine must come after them: the graph collector draws a
// connection at its next call after the end, or at Finish.
func (in *Input) Observers() []rules.Observer { return []rules.Observer{in.dcoll, in.gcoll} }

// Finding takes a finding as the engine keeps it (rules.Engine.OnKeep),
// for the graph of its connection.
func (in *Input) Finding(f rules.Finding) { in.gcoll.Finding(f) }

// Finish draws the rest once the input is read with findings: the graphs
// of the connections still open and the diagrams. It returns where they
// went and what could not be drawn or written.
func (in *Input) Finish(findings []rules.Finding) (*Drawn, []error) {
	in.gcoll.Flush()
	errs := in.errs
	var err error
	if in.drawn.Diagrams, err = in.dir.Diagrams(in.path, in.dcoll.Conversations(), findings); err != nil {
		errs = append(errs, err)
	}
	return in.drawn, errs
}

// Collect gathers what the inputs of a batch drew (their *Drawn, by
// input path, as pcaplint.BatchResult.Kept holds them) into maps by input
// and connection ID, leaving out the inputs that drew nothing.
func Collect(kept map[string]any) (diagrams, graphs map[string]map[int]string) {
	diagrams, graphs = map[string]map[int]string{}, map[string]map[int]string{}
	for path, k := range kept {
		d, ok := k.(*Drawn)
		if !ok {
			continue
		}
		if len(d.Diagrams) > 0 {
			diagrams[path] = d.Diagrams
		}
		if len(d.Graphs) > 0 {
			graphs[path] = d.Graphs
		}
	}
	return diagrams, graphs
}
