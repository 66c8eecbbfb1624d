package pcaplint

import (
	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

// DrawInto returns a BatchOptions.Prepare that draws the diagrams and
// time-sequence graphs of every input into d (see drawing.Dir); what it
// keeps of an input, in BatchResult.Kept, is its *drawing.Drawn. A batch
// that draws needs OneTracker: the collectors see every connection.
func DrawInto(d *drawing.Dir) func(path string, ro *ReadOptions) Finish {
	return func(path string, ro *ReadOptions) Finish {
		in := d.Input(path)
		ro.OnFinding = in.Finding
		ro.Observers = func(int) []rules.Observer { return in.Observers() }
		return func(f *report.File) (any, []error) { return in.Finish(f.Findings) }
	}
}
