package batch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	// doublestar because path/filepath.Match has no "**": it matches any
	// number of directories, the way shells with globstar and .gitignore
	// read it, and the package is small, dependency-free and well kept.
	"github.com/bmatcuk/doublestar/v4"
)

// Input is one file to lint, found on the command line, in a directory or
// by a pattern.
type Input struct {
	// Path is the file as the report names it.
	Path string
	// Key is Path relative to the argument it was found under, with
	// slashes: what a Shard hashes, the same on every machine.
	Key string
	// Named is set for a file named on the command line: one that is not
	// a capture is an error, not a skipped file.
	Named bool
	// Skip, when set, says why the file is listed but not read.
	Skip string
	// Fail, when set, is why a directory found under an argument could not
	// be listed: it is reported as a failed input, and the walk goes on.
	Fail error
	// Arg is the directory or pattern the file was found by ("" for a
	// file named on the command line).
	Arg string
}

// noInputError is a directory or pattern that yields no file.
type noInputError struct{ msg string }

func (e *noInputError) Error() string { return e.msg }

// Expand turns the arguments into inputs: a file or - stays as it
// is, a directory stands for every file under it (recursively, following
// symbolic links once), and a pattern (with *, ?, [ or {, "**" for any
// depth) for the files it matches. Files found twice are listed once.
// empty says which directories and patterns yield no file (lint's error
// unless --allow-empty). A missing or unreadable file named as it is is
// an Input too: reading it says what is wrong.
func Expand(args []string, fl Filters) (ins []Input, empty []string, err error) {
	var out []Input
	seen := map[string]bool{}
	add := func(in Input) {
		if !seen[in.Path] {
			seen[in.Path] = true
			out = append(out, in)
		}
	}
	for _, a := range args {
		found, err := expandArg(a, fl)
		var none *noInputError
		if errors.As(err, &none) {
			empty = append(empty, err.Error())
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		for _, in := range found {
			if !in.Named {
				in.Arg = a
			}
			add(in)
		}
	}
	return out, empty, nil
}

// expandArg expands one argument.
func expandArg(a string, fl Filters) ([]Input, error) {
	st, err := os.Stat(a)
	switch {
	case a == "-":
		return []Input{{Path: a, Key: a, Named: true}}, nil
	case err == nil && st.IsDir():
		w := &walker{root: a, fl: fl, visited: map[fileID]string{}}
		w.walk(a, st)
		if len(w.found) == 0 {
			return nil, &noInputError{a + ": no files in the directory"}
		}
		return w.found, nil
	case err != nil && isPattern(a):
		return expandPattern(a, fl)
	}
	// A missing or unreadable file is reported when it is read.
	return []Input{{Path: a, Key: filepath.Base(a), Named: true}}, nil
}

// isPattern reports whether a holds glob syntax.
func isPattern(a string) bool { return strings.ContainsAny(a, "*?[{") }

// expandPattern lists the files a pattern matches, in path order.
func expandPattern(pattern string, fl Filters) ([]Input, error) {
	if !doublestar.ValidatePathPattern(filepath.ToSlash(pattern)) {
		return nil, fmt.Errorf("%s: bad pattern", pattern)
	}
	base, _ := doublestar.SplitPattern(filepath.ToSlash(pattern))
	// Files only, and "**" does not enter linked directories: a link loop
	// under the pattern cannot list files again and again.
	matches, err := doublestar.FilepathGlob(pattern, doublestar.WithFilesOnly(), doublestar.WithNoFollow())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pattern, err)
	}
	if len(matches) == 0 {
		return nil, &noInputError{pattern + ": the pattern matches no file"}
	}
	slices.Sort(matches)
	w := &walker{root: filepath.FromSlash(base), fl: fl, visited: map[fileID]string{}}
	for _, m := range matches {
		st, err := os.Stat(m)
		if err != nil {
			w.found = append(w.found, unstatable(m, w.key(m), err))
			continue
		}
		w.walk(m, st)
	}
	return w.found, nil
}

// Paths are the inputs' paths, in their order.
func Paths(ins []Input) []string {
	out := make([]string, len(ins))
	for i, in := range ins {
		out[i] = in.Path
	}
	return out
}

// ToRead are the inputs not listed as skipped, in their order: those a
// batch reads.
func ToRead(ins []Input) []Input {
	var out []Input
	for _, in := range ins {
		if in.Skip == "" {
			out = append(out, in)
		}
	}
	return out
}
