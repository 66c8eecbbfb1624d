// Package palette is the one set of severity colours every pcaplint
// picture and page uses: diagrams (SVG, PNG, DOT), the HTML report and
// the legends. Each severity has a colour per theme and a cue that does
// not depend on colour, so that a reader who cannot tell red-orange from
// amber still tells an error from a warning: errors are thick, solid and
// marked "×", warnings dashed and marked "!", info thin and unmarked.
//
// The hues follow the Okabe–Ito set, chosen to stay apart under the
// common colour-vision deficiencies: red-orange, amber and blue. Each
// colour has a contrast of at least 4.5:1 against its theme's background
// (WCAG 2 AA for small text), so rule IDs written in it stay readable.
package palette

import "github.com/pcaplint/pcaplint/rules"

// Theme is a background the colours are drawn on.
type Theme uint8

// Themes.
const (
	Light Theme = iota // on white (#ffffff)
	Dark               // on near-black (#0d1117)
)

// colours are #rrggbb per theme, indexed by rules.Severity: off, info,
// warning, error. Off is the ink, for completeness: nothing is drawn in it.
var colours = [2][4]string{
	Light: {"#1f2328", "#0969da", "#9a6700", "#c4320a"},
	Dark:  {"#e6edf3", "#58a6ff", "#d29922", "#ff8a5c"},
}

// Colour is severity s's colour in theme t, as #rrggbb.
func Colour(s rules.Severity, t Theme) string {
	return colours[min(t, Dark)][min(s, rules.Error)]
}

// Cue is how a severity shows besides its colour.
type Cue struct {
	// Marker is written before the rule ID: "×" for errors, "!" for
	// warnings, nothing for info. Both are in every font, Go's included.
	Marker string
	// Width is the stroke width of a line drawn in the severity, in pixels.
	Width float64
	// Dashed says the line is dashed.
	Dashed bool
}

var cues = [4]Cue{
	rules.Off:     {Width: 1.1},
	rules.Info:    {Width: 1.1},
	rules.Warning: {Marker: "!", Width: 1.6, Dashed: true},
	rules.Error:   {Marker: "×", Width: 2.2},
}

// CueOf is severity s's cue.
func CueOf(s rules.Severity) Cue { return cues[min(s, rules.Error)] }

// CSS declares the colours of theme t as CSS custom properties, to put in
// a rule: "--error:#c4320a;--warning:#9a6700;--info:#0969da".
func CSS(t Theme) string {
	return "--error:" + Colour(rules.Error, t) + ";--warning:" + Colour(rules.Warning, t) +
		";--info:" + Colour(rules.Info, t)
}
