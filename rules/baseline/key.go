package baseline

import (
	"path/filepath"
	"regexp"

	"github.com/pcaplint/pcaplint/rules"
)

// Key identifies a finding across runs; see the package documentation.
type Key struct {
	File        string `json:"file"`
	Client      string `json:"client"`
	Server      string `json:"server"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
}

var digits = regexp.MustCompile(`[0-9]+`)

// durations matches a duration in a message whose digits are already "#",
// as Go prints it ("#.#s", "#ms", "#µs", "#m#.#s"), and so also in the
// fingerprints of baselines written before durations were folded.
var durations = regexp.MustCompile(`(#(\.#)?(ns|µs|μs|us|ms|h|m|s))+\b`)

// Fingerprint is the part of a Key made from a message: every run of
// digits is "#", and every duration one "#".
func Fingerprint(msg string) string {
	return foldDurations(digits.ReplaceAllString(msg, "#"))
}

// foldDurations writes every duration of a fingerprint as one "#".
func foldDurations(fp string) string { return durations.ReplaceAllString(fp, "#") }

// KeyOf is the Key of a finding read from the input path (the finding's
// own file, when it names one, takes precedence).
func KeyOf(fd *rules.Finding, path string) Key {
	file := fd.Pos.File
	if file == "" {
		file = path
	}
	if file != "-" {
		file = filepath.ToSlash(filepath.Clean(file))
	}
	return Key{
		File:        file,
		Client:      fd.Conn.Client.Host(),
		Server:      fd.Conn.Server.String(),
		Rule:        fd.Rule,
		Fingerprint: Fingerprint(fd.Message),
	}
}
