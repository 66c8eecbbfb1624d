package ruleset

import (
	"strings"
	"testing"
)

func TestTheStarterFileLoadsAsTheDefaultSet(t *testing.T) {
	src := Starter(stubChecks())
	cfg := parseOK(t, string(src))
	for _, c := range stubChecks() {
		if cfg.Rules[c.ID].Severity != c.Default {
			t.Errorf("%s at %v, want %v", c.ID, cfg.Rules[c.ID].Severity, c.Default)
		}
	}
	// Uncommenting the examples gives a valid file too.
	uncommented := strings.NewReplacer("  # retransmission:", "  retransmission:", "  #   ", "    ", "# custom:", "custom:", "#   ", "  ", "#     ", "    ").Replace(string(src))
	if _, err := Parse("starter.yaml", []byte(uncommented), stubChecks()); err != nil {
		t.Errorf("the uncommented examples do not load: %v\n%s", err, uncommented)
	}
}
