package plantuml

import (
	"regexp"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/diagram/internal/fixture"
)

// styledArrow is the arrow of a segment with findings, in its severity's
// colour and line: " -[#9a6700,dashed]> ".
var styledArrow = regexp.MustCompile(` -\[#[0-9a-f]{6}(,dashed)?\]> `)

func TestGolden(t *testing.T) {
	fixture.TextFormat(t, "puml", Write, func(s string) int {
		return strings.Count(s, " -> ") + len(styledArrow.FindAllString(s, -1)) + strings.Count(s, " ->x ")
	})
}

func TestEscapeKeepsInputInsideOneMessage(t *testing.T) {
	same := func(s string) string { return s }
	// What would start Creole markup, a link, a tag or an escape.
	fixture.Escapes(t, Escape, same, []string{"[[", "<", ">", "**", "//", "--", `""`, `\`})
}

// A host name is drawn as a quoted participant name: a quote in it must
// not end the name.
func TestEscapeKeepsAQuoteInsideAParticipantName(t *testing.T) {
	if got := Escape(`a&b"c'd`); strings.Contains(got, `"`) {
		t.Errorf("Escape = %q, keeps a double quote", got)
	}
}
