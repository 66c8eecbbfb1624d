package rules

import (
	"fmt"
	"slices"
	"strings"
)

// Severity is how much a finding matters. The zero value is Off: a rule
// set to Off reports nothing.
type Severity uint8

// Severities, from least to most severe.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

// severityNames are the severities' names, by value: the one place they
// are spelled.
var severityNames = [...]string{"off", "info", "warning", "error"}

// Severities are the severities a finding can have, most severe first:
// the order reports list them in.
var Severities = []Severity{Error, Warning, Info}

// SeverityNames are the names ParseSeverity reads, from least to most
// severe: off, info, warning, error.
func SeverityNames() []string { return slices.Clone(severityNames[:]) }

// never is the failure threshold that no finding reaches.
const never = "never"

// FailOnNames are the names ParseFailOn reads, most severe first: those
// of Severities, then "never".
func FailOnNames() []string {
	out := make([]string, 0, len(Severities)+1)
	for _, s := range Severities {
		out = append(out, s.String())
	}
	return append(out, never)
}

// ParseFailOn reads a failure threshold: the name of a severity of
// Severities, at or above which a finding fails a run, or "never" (Off).
func ParseFailOn(s string) (Severity, error) {
	if s == never {
		return Off, nil
	}
	sev, err := ParseSeverity(s)
	if err != nil || sev == Off {
		return Off, fmt.Errorf("must be %s, not %q", orList(FailOnNames()), s)
	}
	return sev, nil
}

// orList joins words as a sentence lists them: "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// String is the severity's lower-case name.
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", uint8(s))
}

// ParseSeverity reads "off", "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if s == n {
			return Severity(i), nil
		}
	}
	return Off, fmt.Errorf("unknown severity %q (want %s)", s, orList(severityNames[:]))
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
