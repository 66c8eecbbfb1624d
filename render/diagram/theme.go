package diagram

import (
	"github.com/pcaplint/pcaplint/render/palette"
	"github.com/pcaplint/pcaplint/rules"
)

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
	RoleLegendText
	// The arrows and texts of findings, one role per severity, so that
	// each is drawn in its own colour and line (package palette).
	RoleInfo
	RoleWarning
	RoleError
	RoleInfoText
	RoleWarningText
	RoleErrorText
	numRoles
)

var roleNames = [numRoles]string{"caption", "header", "header-text", "role-text", "lifeline",
	"arrow", "lost", "label", "tag", "time", "state", "state-text", "gap", "gap-text", "mask",
	"legend-text", "info", "warning", "error", "info-text", "warning-text", "error-text"}

// FindingRole is the role of an arrow whose worst finding is of severity
// sev, and FindingTextRole that of its texts.
func FindingRole(sev rules.Severity) Role { return RoleInfo + Role(severityIndex(sev)) }

// FindingTextRole is the role of a finding's text of severity sev.
func FindingTextRole(sev rules.Severity) Role { return RoleInfoText + Role(severityIndex(sev)) }

func severityIndex(sev rules.Severity) int {
	return int(min(max(sev, rules.Info), rules.Error) - rules.Info)
}

// Severity is the severity a finding's role draws, and Off for every
// other role.
func (r Role) Severity() rules.Severity {
	switch {
	case r >= RoleInfo && r <= RoleError:
		return rules.Info + rules.Severity(r-RoleInfo)
	case r >= RoleInfoText && r <= RoleErrorText:
		return rules.Info + rules.Severity(r-RoleInfoText)
	}
	return rules.Off
}

// String is the role's class name.
func (r Role) String() string { return roleNames[r] }

// IsText reports whether items of the role are texts.
func (r Role) IsText() bool {
	switch r {
	case RoleCaption, RoleHeaderText, RoleRoleText, RoleLabel, RoleTag, RoleTime,
		RoleStateText, RoleGapText, RoleLegendText, RoleInfoText, RoleWarningText, RoleErrorText:
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

// Palette is a theme's colours, as #rrggbb. Findings take theirs from
// package palette, by severity.
type Palette struct {
	Name                   string
	Theme                  palette.Theme
	Background, Ink, Muted string
	Lifeline, Rule         string
	HeaderFill, HeaderLine string
	StateFill, StateLine   string
	StateInk               string
}

// Light is the default theme: black on white, as in a printed book.
var Light = Palette{
	Name: "light", Theme: palette.Light, Background: "#ffffff", Ink: "#1f2328", Muted: "#59636e",
	Lifeline: "#8c959f", Rule: "#afb8c1",
	HeaderFill: "#f6f8fa", HeaderLine: "#d1d9e0",
	StateFill: "#eef3fb", StateLine: "#b6c8e3", StateInk: "#0b3d91",
}

// Dark suits a dark page.
var Dark = Palette{
	Name: "dark", Theme: palette.Dark, Background: "#0d1117", Ink: "#e6edf3", Muted: "#9198a1",
	Lifeline: "#6e7681", Rule: "#3d444d",
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
	case RoleInfo, RoleWarning, RoleError:
		c := palette.Colour(r.Severity(), p.Theme)
		return Paint{Stroke: c, Fill: c}
	case RoleInfoText, RoleWarningText, RoleErrorText:
		return Paint{Fill: palette.Colour(r.Severity(), p.Theme)}
	}
	return Paint{Fill: p.Ink}
}
