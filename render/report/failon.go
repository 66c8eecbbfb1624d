package report

import (
	"fmt"

	"github.com/pcaplint/pcaplint/rules"
)

// ParseFailOn reads the severity at or above which a run fails (lint and
// merge --fail-on): error, warning or info, or never, which is Off.
func ParseFailOn(s string) (rules.Severity, error) {
	if s == "never" {
		return rules.Off, nil
	}
	sev, err := rules.ParseSeverity(s)
	if err != nil || sev == rules.Off {
		return rules.Off, fmt.Errorf("--fail-on must be error, warning, info or never, not %q", s)
	}
	return sev, nil
}
