// Package ruledoc writes the checks' own documentation for people: the
// table and the text of pcaplint rules list and rules show, and
// docs/rules.md, which go generate ./cmd/pcaplint writes with Markdown.
package ruledoc

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/ruleset"
)

// List writes one line per check to w: ID, default severity and title, in
// aligned columns under a header.
func List(w io.Writer, checks []*rules.Check) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDEFAULT\tTITLE")
	for _, c := range checks {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", c.ID, c.Default, c.Title)
	}
	return tw.Flush()
}

// Show writes the Text of the check of checks called id to w; for an ID
// that none has, it returns an error that suggests the nearest one.
func Show(w io.Writer, checks []*rules.Check, id string) error {
	var ids []string
	for _, c := range checks {
		if c.ID == id {
			_, err := io.WriteString(w, Text(c))
			return err
		}
		ids = append(ids, c.ID)
	}
	return fmt.Errorf("no check %q%s; pcaplint rules list shows them all", id, ruleset.Suggest(id, ids))
}

// Text is the full documentation of a check as plain text: title, default
// severity, what it is, where it triggers and passes, its RFC, how
// Wireshark sees it, and its parameters.
func Text(c *rules.Check) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\nDefault severity: %s\n", c.ID, c.Title, c.Default)
	section := func(title, text string) {
		if text = strings.TrimSpace(text); text != "" {
			fmt.Fprintf(&b, "\n%s:\n  %s\n", title, strings.ReplaceAll(text, "\n", "\n  "))
		}
	}
	if doc := strings.TrimSpace(c.Doc); doc != "" {
		b.WriteString("\n" + doc + "\n")
	}
	section("Triggers on", c.Triggers)
	section("Passes", c.Passes)
	section("RFC", c.RFC)
	section("Wireshark", c.Wireshark)
	if len(c.Params) > 0 {
		b.WriteString("\nParameters:\n")
		for _, p := range c.Params {
			bounds := ""
			if s := p.Bounds(); s != "" {
				bounds = ", " + s
			}
			fmt.Fprintf(&b, "  %s (%s, default %v%s): %s\n", p.Name, p.Type(), p.Default, bounds, p.Doc)
		}
	}
	return b.String()
}
