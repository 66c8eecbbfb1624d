package plantuml

import (
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/diagram/internal/fixture"
)

func TestGolden(t *testing.T) {
	fixture.TextFormat(t, "puml", Write, func(s string) int {
		return strings.Count(s, " -> ") + strings.Count(s, " -[#cf222e]> ") + strings.Count(s, " ->x ")
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
