package batch

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// Filters are lint's --include and --exclude patterns: a pattern without a
// slash matches a file's base name, one with a slash its path relative to
// the argument it was found under ("**" for any number of directories).
// They apply to the files found under a directory or by a pattern, never
// to a file named as it is.
type Filters struct{ Include, Exclude []string }

// Check validates the patterns, so that a typo fails before any input.
func (f Filters) Check() error {
	for _, p := range slices.Concat(f.Include, f.Exclude) {
		if !doublestar.ValidatePattern(p) {
			return fmt.Errorf("bad pattern %q", p)
		}
	}
	return nil
}

// SkipReason says why a file found under an argument, whose Key is key,
// is left out by the patterns, or "" when it is kept: an Exclude pattern
// matches it, or Include patterns are given and none matches it.
func (f Filters) SkipReason(key string) string {
	for _, p := range f.Exclude {
		if matchKey(p, key) {
			return "excluded by --exclude " + p
		}
	}
	if len(f.Include) == 0 {
		return ""
	}
	for _, p := range f.Include {
		if matchKey(p, key) {
			return ""
		}
	}
	return "matches no --include pattern"
}

func matchKey(pattern, key string) bool {
	if !strings.Contains(pattern, "/") {
		key = key[strings.LastIndexByte(key, '/')+1:]
	}
	return doublestar.MatchUnvalidated(pattern, key)
}
