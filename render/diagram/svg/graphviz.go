package svg

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	// wasmcache first: its init points go-graphviz's compilation cache at
	// a private directory before go-graphviz's init compiles into it.
	"github.com/pcaplint/pcaplint/render/diagram/svg/internal/wasmcache"

	"github.com/goccy/go-graphviz"
)

// init puts TMPDIR back once go-graphviz, which this package imports and
// the Go specification therefore initialises first, has made its cache.
func init() { wasmcache.Restore() }

// Graphviz runs compiled to WebAssembly inside go-graphviz, and neither the
// instance nor the package is safe for concurrent use: ParseBytes works on
// a package-wide WebAssembly module, and a Graphviz value keeps layout
// state between calls. One instance serves the whole process, created on
// first use (that costs milliseconds, rendering then far less), and
// gvMu serialises every call into it. This is the only place pcaplint
// calls Graphviz.
var (
	gvMu   sync.Mutex
	gvInst *graphviz.Graphviz
	gvErr  error
)

// renderDOT lays out dot with the nop2 engine, which keeps every position
// the DOT pins, and returns Graphviz's SVG.
func renderDOT(dot []byte) ([]byte, error) {
	gvMu.Lock()
	defer gvMu.Unlock()
	ctx := context.Background()
	if gvInst == nil && gvErr == nil {
		gvInst, gvErr = graphviz.New(ctx)
	}
	if gvErr != nil {
		return nil, fmt.Errorf("graphviz: %w", gvErr)
	}
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("graphviz: parse: %w", err)
	}
	defer g.Close()
	var buf bytes.Buffer
	if err := gvInst.SetLayout(graphviz.NOP2).Render(ctx, g, graphviz.SVG, &buf); err != nil {
		return nil, fmt.Errorf("graphviz: render: %w", err)
	}
	return buf.Bytes(), nil
}
