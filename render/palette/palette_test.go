package palette

import (
	"math"
	"strconv"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

// TestColoursAreDistinctAndReadable checks what the package promises:
// three different colours per theme, each readable as small text on its
// background (WCAG 2 contrast of 4.5:1), and cues that tell the
// severities apart without colour.
func TestColoursAreDistinctAndReadable(t *testing.T) {
	backgrounds := map[Theme]string{Light: "#ffffff", Dark: "#0d1117"}
	sevs := []rules.Severity{rules.Info, rules.Warning, rules.Error}
	for theme, bg := range backgrounds {
		seen := map[string]rules.Severity{}
		for _, s := range sevs {
			c := Colour(s, theme)
			if other, ok := seen[c]; ok {
				t.Errorf("theme %d: %s and %s share %s", theme, s, other, c)
			}
			seen[c] = s
			if r := contrast(c, bg); r < 4.5 {
				t.Errorf("theme %d: %s %s has a contrast of %.2f on %s, want 4.5 at least", theme, s, c, r, bg)
			}
		}
	}
	cueSeen := map[Cue]rules.Severity{}
	for _, s := range sevs {
		c := CueOf(s)
		if other, ok := cueSeen[c]; ok {
			t.Errorf("%s and %s share the cue %+v", s, other, c)
		}
		cueSeen[c] = s
	}
	if CueOf(rules.Error).Width <= CueOf(rules.Info).Width {
		t.Error("an error's line must be heavier than an info's")
	}
	if got, want := CSS(Light), "--error:#c4320a;--warning:#9a6700;--info:#0969da"; got != want {
		t.Errorf("CSS(Light) = %q, want %q", got, want)
	}
}

// contrast is the WCAG 2 contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luminance(c string) float64 {
	var lin [3]float64
	for i := range lin {
		v, _ := strconv.ParseUint(c[1+2*i:3+2*i], 16, 8)
		x := float64(v) / 255
		if x <= 0.03928 {
			lin[i] = x / 12.92
		} else {
			lin[i] = math.Pow((x+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*lin[0] + 0.7152*lin[1] + 0.0722*lin[2]
}
