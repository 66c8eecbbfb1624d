package checks

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestCatalogueIsComplete wants every check documented in full, in a file
// named for its ID.
func TestCatalogueIsComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range append(All(), Limits()...) {
		t.Run(c.ID, func(t *testing.T) {
			if seen[c.ID] {
				t.Fatal("duplicate ID")
			}
			seen[c.ID] = true
			for name, v := range map[string]string{"Title": c.Title, "Doc": c.Doc, "Triggers": c.Triggers,
				"Passes": c.Passes, "RFC": c.RFC, "Wireshark": c.Wireshark} {
				if strings.TrimSpace(v) == "" {
					t.Errorf("%s is empty", name)
				}
			}
			if c.Segment == nil && c.End == nil {
				t.Error("no logic")
			}
			if _, err := os.Stat(strings.ReplaceAll(c.ID, "-", "_") + ".go"); err != nil {
				t.Errorf("no file named for the ID: %v", err)
			}
			if ByID(c.ID) == nil {
				t.Error("ByID does not find it")
			}
		})
	}
	if ByID("no-such-check") != nil {
		t.Error("ByID found an unknown ID")
	}
}

// TestOrderFollowsTheCatalogue wants All in the order of the catalogue in
// docs/design/checks.md, with the same IDs and default severities.
func TestOrderFollowsTheCatalogue(t *testing.T) {
	b, err := os.ReadFile("../../docs/design/checks.md")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	defaults := map[string]string{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\| ([a-z]+) \\|").FindAllStringSubmatch(string(b), -1) {
		want = append(want, m[1])
		defaults[m[1]] = m[2]
	}
	var got []string
	for _, c := range All() {
		got = append(got, c.ID)
		if d, ok := defaults[c.ID]; ok && d != c.Default.String() {
			t.Errorf("%s: default %s, the catalogue says %s", c.ID, c.Default, d)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("All() = %v\ncatalogue = %v", got, want)
	}
}
