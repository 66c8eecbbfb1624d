package parse

import (
	"fmt"
	"regexp"
)

// PrefixFlag is a command-line flag (a flag.Value, and a pflag.Value with
// Type) that sets Options.StripPrefix: the regular expression is compiled
// when the flag is parsed, so that a bad one is a usage error before any
// input is read.
type PrefixFlag struct{ Options *Options }

// String is the regular expression set, or "".
func (p PrefixFlag) String() string {
	if p.Options == nil || p.Options.StripPrefix == nil {
		return ""
	}
	return p.Options.StripPrefix.String()
}

// Set compiles s into Options.StripPrefix.
func (p PrefixFlag) Set(s string) error {
	re, err := regexp.Compile(s)
	if err != nil {
		return fmt.Errorf("not a regular expression: %w", err)
	}
	p.Options.StripPrefix = re
	return nil
}

// Type names the flag's value in help: REGEX.
func (PrefixFlag) Type() string { return "REGEX" }
