package graph

import (
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
	"github.com/pcaplint/pcaplint/render/palette"
	"github.com/pcaplint/pcaplint/rules"
)

// role is what a drawn element is, for its colours; its name is the
// element's class in the SVG.
type role uint8

const (
	roleInk     role = iota // titles, legend text
	roleMuted               // axis labels, notes
	roleAxis                // axis lines and ticks
	roleGrid                // grid lines
	roleData                // new data ticks, goodput, flight
	roleResent              // resent data: the finding colour
	roleAck                 // the cumulative ACK line
	roleWindow              // the window limit, the advertised window
	roleSack                // SACK blocks
	roleFinding             // zero-window periods
	roleInfo                // findings, by severity (render/palette)
	roleWarning
	roleError
	roleAverage    // the moving average, RTT quantiles
	roleBackground // what hides the plot across a break
	numRoles
)

var roleNames = [numRoles]string{"ink", "muted", "axis", "grid", "data", "resent", "ack",
	"window", "sack", "finding", "info", "warning", "error", "average", "background"}

// colours is a theme's colours for the roles, as #rrggbb; the diagram
// palette gives the ink, background and finding colours, so graphs and
// diagrams of one connection match.
type colours struct {
	background string
	colour     [numRoles]string
}

// Data is drawn in the ink, as tcptrace draws it in black; the lines'
// hues (green, magenta, purple) stay clear of the severity colours
// (red-orange, amber, blue) the findings are drawn in.
func paletteOf(p diagram.Palette, t palette.Theme, ack, window, sack string) colours {
	sev := func(s rules.Severity) string { return palette.Colour(s, t) }
	return colours{background: p.Background, colour: [numRoles]string{
		roleInk: p.Ink, roleMuted: p.Muted, roleAxis: p.Lifeline, roleGrid: p.HeaderLine,
		roleData: p.Ink, roleResent: sev(rules.Error), roleAck: ack, roleWindow: window,
		roleSack: sack, roleFinding: sev(rules.Warning), roleInfo: sev(rules.Info),
		roleWarning: sev(rules.Warning), roleError: sev(rules.Error), roleAverage: p.Muted,
		roleBackground: p.Background,
	}}
}

var (
	lightPalette = paletteOf(diagram.Light, palette.Light, "#1a7f37", "#bf3989", "#8250df")
	darkPalette  = paletteOf(diagram.Dark, palette.Dark, "#3fb950", "#db61a2", "#a371f7")
)

// severityRole is the role a finding of severity s is drawn in.
func severityRole(s rules.Severity) role {
	switch s {
	case rules.Error:
		return roleError
	case rules.Warning:
		return roleWarning
	}
	return roleInfo
}

// paletteFor is a theme's palette: the light one for Light and Auto
// (whose SVG switches to the dark one in a media query).
func paletteFor(t svg.Theme) colours {
	if t == svg.Dark {
		return darkPalette
	}
	return lightPalette
}
