package graph

import (
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
)

// role is what a drawn element is, for its colours; its name is the
// element's class in the SVG.
type role uint8

const (
	roleInk        role = iota // titles, legend text
	roleMuted                  // axis labels, notes
	roleAxis                   // axis lines and ticks
	roleGrid                   // grid lines
	roleData                   // new data ticks, goodput, flight
	roleResent                 // resent data: the finding colour
	roleAck                    // the cumulative ACK line
	roleWindow                 // the window limit, the advertised window
	roleSack                   // SACK blocks
	roleFinding                // finding marks and zero-window periods
	roleAverage                // the moving average, RTT quantiles
	roleBackground             // what hides the plot across a break
	numRoles
)

var roleNames = [numRoles]string{"ink", "muted", "axis", "grid", "data", "resent", "ack",
	"window", "sack", "finding", "average", "background"}

// palette is a theme's colours for the roles, as #rrggbb; the diagram
// palette gives the ink, background and finding colours, so graphs and
// diagrams of one connection match.
type palette struct {
	background string
	colour     [numRoles]string
}

func paletteOf(p diagram.Palette, data, ack, window, sack, average string) palette {
	return palette{background: p.Background, colour: [numRoles]string{
		roleInk: p.Ink, roleMuted: p.Muted, roleAxis: p.Lifeline, roleGrid: p.HeaderLine,
		roleData: data, roleResent: p.Finding, roleAck: ack, roleWindow: window,
		roleSack: sack, roleFinding: p.Finding, roleAverage: average, roleBackground: p.Background,
	}}
}

var (
	lightPalette = paletteOf(diagram.Light, "#0969da", "#1a7f37", "#9a6700", "#8250df", "#1f2328")
	darkPalette  = paletteOf(diagram.Dark, "#58a6ff", "#3fb950", "#d29922", "#a371f7", "#e6edf3")
)

// paletteFor is a theme's palette: the light one for Light and Auto
// (whose SVG switches to the dark one in a media query).
func paletteFor(t svg.Theme) palette {
	if t == svg.Dark {
		return darkPalette
	}
	return lightPalette
}
