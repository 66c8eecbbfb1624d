package report

import (
	"fmt"

	"github.com/pcaplint/pcaplint/rules"
)

// ParseFailOn reads the severity at or above which a run fails (lint and
// merge --fail-on): one of rules.FailOnNames, never being Off.
func ParseFailOn(s string) (rules.Severity, error) {
	sev, err := rules.ParseFailOn(s)
	if err != nil {
		return rules.Off, fmt.Errorf("--fail-on %w", err)
	}
	return sev, nil
}
