package diagram

import "github.com/pcaplint/pcaplint/render/diagram/typeface"

// Scene is a laid-out diagram: everything to draw, in paint order, in
// pixels with y growing down. Output formats draw it without deciding
// anything about placement.
type Scene struct {
	Width, Height float64
	Items         []Item
}

// DefaultMaxItems is how many items a drawn diagram (SVG, PNG, DOT) may
// have by default. Graphviz lays out and writes each one, at some 10 KB of
// memory apiece for a large diagram: a connection of 10,000 unfolded rows
// has about 40,000 items and took 8 s and 390 MB.
const DefaultMaxItems = 12_000

// ItemKind says what an Item draws.
type ItemKind uint8

// Item kinds.
const (
	KindLine  ItemKind = iota // a straight line from (X1,Y1) to (X2,Y2)
	KindArrow                 // a line with a head at (X2,Y2), or a cross when Cross
	KindText                  // Text with its baseline anchor at (X1,Y1)
	KindBox                   // a rectangle from (X1,Y1) to (X2,Y2)
)

// Dash is a line's pattern.
type Dash uint8

// Line patterns.
const (
	Solid Dash = iota
	Dashed
	Dotted
)

// Anchor says which point of a text (X1,Y1) is.
type Anchor uint8

// Text anchors, as SVG's text-anchor names them.
const (
	Start Anchor = iota
	Middle
	End
)

// String is the SVG text-anchor value.
func (a Anchor) String() string { return [...]string{"start", "middle", "end"}[a] }

// Item is one thing to draw.
type Item struct {
	Kind           ItemKind
	Role           Role
	X1, Y1, X2, Y2 float64
	Dash           Dash
	// Cross ends an arrow in a cross: a segment that never arrived.
	Cross bool
	// Round gives a box rounded corners (a pill).
	Round  bool
	Text   string
	Face   typeface.Face
	Size   float64
	Anchor Anchor
	// Title is the tooltip: where the segment was read and what was found.
	Title string
}

// Left is the x where a text item starts.
func (it *Item) Left() float64 {
	w := typeface.Width(it.Face, it.Size, it.Text)
	switch it.Anchor {
	case Middle:
		return it.X1 - w/2
	case End:
		return it.X1 - w
	}
	return it.X1
}

// TextWidth is the advance width of a text item.
func (it *Item) TextWidth() float64 { return typeface.Width(it.Face, it.Size, it.Text) }
