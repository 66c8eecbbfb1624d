package mermaid

import (
	"regexp"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/diagram/internal/fixture"
)

func TestGolden(t *testing.T) {
	fixture.TextFormat(t, "mmd", Write, func(s string) int {
		return strings.Count(s, "->>") + strings.Count(s, "--x")
	})
}

// entity matches Mermaid's entity codes, which are what Escape writes.
var entity = regexp.MustCompile(`#[a-z0-9]+;`)

func TestEscapeKeepsInputInsideOneMessage(t *testing.T) {
	clean := func(s string) string { return entity.ReplaceAllString(s, "") }
	// What would end a statement, start a comment or markup.
	fixture.Escapes(t, Escape, clean, []string{";", "<", ">", "%%", "\""})
}
