package diagram

// Role is what an item is, for styling. Its String is the class name SVG
// and DOT use.
type Role uint8

// Roles.
const (
	RoleCaption Role = iota
	RoleHeader
	RoleHeaderText
	RoleRoleText
	RoleLifeline
	RoleArrow
	RoleLost
	RoleLabel
	RoleTag
	RoleTime
	RoleState
	RoleStateText
	RoleGap
	RoleGapText
	RoleMask
	RoleFinding
	RoleFindingText
	RoleLegendText
	numRoles
)

var roleNames = [numRoles]string{"caption", "header", "header-text", "role-text", "lifeline",
	"arrow", "lost", "label", "tag", "time", "state", "state-text", "gap", "gap-text", "mask",
	"finding", "finding-text", "legend-text"}

// String is the role's class name.
func (r Role) String() string { return roleNames[r] }

// IsText reports whether items of the role are texts.
func (r Role) IsText() bool {
	switch r {
	case RoleCaption, RoleHeaderText, RoleRoleText, RoleLabel, RoleTag, RoleTime,
		RoleStateText, RoleGapText, RoleFindingText, RoleLegendText:
		return true
	}
	return false
}

// Roles lists every role, for style sheets.
func Roles() []Role {
	rs := make([]Role, numRoles)
	for i := range rs {
		rs[i] = Role(i)
	}
	return rs
}

// Paint is how a role is coloured: Stroke for lines and outlines, Fill for
// shapes and text. An empty colour means none.
type Paint struct {
	Stroke, Fill string
}

// Palette is a theme's colours, as #rrggbb.
type Palette struct {
	Name                   string
	Background, Ink, Muted string
	Lifeline, Rule         string
	Finding                string
	HeaderFill, HeaderLine string
	StateFill, StateLine   string
	StateInk               string
}

// Light is the default theme: black on white, as in a printed book.
var Light = Palette{
	Name: "light", Background: "#ffffff", Ink: "#1f2328", Muted: "#59636e",
	Lifeline: "#8c959f", Rule: "#afb8c1", Finding: "#cf222e",
	HeaderFill: "#f6f8fa", HeaderLine: "#d1d9e0",
	StateFill: "#eef3fb", StateLine: "#b6c8e3", StateInk: "#0b3d91",
}

// Dark suits a dark page.
var Dark = Palette{
	Name: "dark", Background: "#0d1117", Ink: "#e6edf3", Muted: "#9198a1",
	Lifeline: "#6e7681", Rule: "#3d444d", Finding: "#ff7b72",
	HeaderFill: "#151b23", HeaderLine: "#3d444d",
	StateFill: "#121d2f", StateLine: "#2f4a74", StateInk: "#9ecbff",
}

// Paint returns the colours of role r.
func (p Palette) Paint(r Role) Paint {
	switch r {
	case RoleHeader:
		return Paint{Stroke: p.HeaderLine, Fill: p.HeaderFill}
	case RoleHeaderText, RoleLabel, RoleLegendText:
		return Paint{Fill: p.Ink}
	case RoleCaption, RoleRoleText, RoleTag, RoleTime, RoleGapText:
		return Paint{Fill: p.Muted}
	case RoleLifeline:
		return Paint{Stroke: p.Lifeline}
	case RoleArrow, RoleLost:
		return Paint{Stroke: p.Ink, Fill: p.Ink}
	case RoleState:
		return Paint{Stroke: p.StateLine, Fill: p.StateFill}
	case RoleStateText:
		return Paint{Fill: p.StateInk}
	case RoleGap:
		return Paint{Stroke: p.Muted}
	case RoleMask:
		return Paint{Stroke: p.Background, Fill: p.Background}
	case RoleFinding:
		return Paint{Stroke: p.Finding, Fill: p.Finding}
	case RoleFindingText:
		return Paint{Fill: p.Finding}
	}
	return Paint{Fill: p.Ink}
}
