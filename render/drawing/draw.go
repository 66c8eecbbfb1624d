package drawing

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/png"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
	"github.com/pcaplint/pcaplint/render/graph"
)

// Options are how a drawing is drawn; the zero value draws with the
// defaults.
type Options struct {
	// Theme is the diagram's colours; a PNG is drawn light unless a theme
	// is pinned.
	Theme svg.Theme
	// Layout places the diagram's rows.
	Layout diagram.LayoutOptions
	// MaxItems refuses a diagram of more elements (lines, arrows, texts)
	// than this: 0 is diagram.DefaultMaxItems, negative no limit.
	MaxItems int
	// MaxPixels refuses a PNG of more pixels than this: 0 is
	// png.DefaultMaxPixels, negative no limit.
	MaxPixels int64
	// Page splits a diagram into pages of this many rows, one file a page
	// (see WriteDiagrams); 0 draws one picture.
	Page int
}

// tooLargeAdvice is what to do about a diagram over a limit.
const tooLargeAdvice = "draw fewer connections (--conn, --filter, no --merged), fold more (--max-rows), or raise "

// Diagram draws d in format f. A diagram over a limit of o is refused
// before Graphviz or the rasteriser allocate for it: the error names the
// limit and the flag that raises it.
func (f *Format) Diagram(d *diagram.Diagram, o Options) ([]byte, error) {
	var b bytes.Buffer
	if !f.Laid {
		err := f.diagram(&b, d, nil, o)
		return b.Bytes(), err
	}
	// Every row and lifeline is at least one element: a diagram over the
	// limit by that count alone is refused before it is laid out.
	if err := o.checkItems(len(d.Rows)+len(d.Lanes), "at least "); err != nil {
		return nil, err
	}
	s := diagram.Lay(d, o.Layout)
	if err := o.checkItems(len(s.Items), ""); err != nil {
		return nil, err
	}
	if f.Binary {
		if err := png.CheckSize(s.Width, s.Height, o.pixels()); err != nil {
			return nil, fmt.Errorf("%w (--max-pixels): %s--max-pixels", err, tooLargeAdvice)
		}
	}
	err := f.diagram(&b, d, s, o)
	return b.Bytes(), err
}

// checkItems refuses n elements over the limit; about says whether n is
// the count or a lower bound of it.
func (o Options) checkItems(n int, about string) error {
	limit := o.MaxItems
	if limit == 0 {
		limit = diagram.DefaultMaxItems
	}
	if limit > 0 && n > limit {
		return fmt.Errorf("the diagram would have %s%s elements, more than the limit of %s (--max-elements): %s--max-elements",
			about, diagram.Thousands(int64(n)), diagram.Thousands(int64(limit)), tooLargeAdvice)
	}
	return nil
}

// pixels is the PNG limit: MaxPixels, or the default; negative allows
// any size.
func (o Options) pixels() int64 {
	if o.MaxPixels == 0 {
		return png.DefaultMaxPixels
	}
	return o.MaxPixels
}

// Graph draws connection cv's graph in format f (svg or png; see
// Graphs). A PNG is drawn light unless opts pins a theme, and refused
// over o.MaxPixels.
func (f *Format) Graph(cv *graph.Conversation, opts graph.Options, o Options) ([]byte, error) {
	if !slices.Contains(Graphs, f) {
		return nil, fmt.Errorf("a graph is drawn in %s, not %s", Graphs.List(), f.Name)
	}
	if f.Binary {
		opts.Theme = rasterTheme(opts.Theme)
	}
	out, err := graph.Draw(cv, opts)
	if err != nil || !f.Binary {
		return out, err
	}
	var b bytes.Buffer
	if err := png.Write(&b, out, o.pixels()); err != nil {
		return nil, fmt.Errorf("connection %d: %w (--max-pixels)", cv.Conn.ID, err)
	}
	return b.Bytes(), nil
}
