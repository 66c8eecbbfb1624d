package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	// doublestar because path/filepath.Match has no "**": it matches any
	// number of directories, the way shells with globstar and .gitignore
	// read it, and the package is small, dependency-free and well kept.
	"github.com/bmatcuk/doublestar/v4"
	"github.com/pcaplint/pcaplint/render/report"
)

// input is one file to lint, found on the command line, in a directory or
// by a pattern.
type input struct {
	// Path is the file as the report names it.
	Path string
	// Key is Path relative to the argument it was found under, with
	// slashes: what --shard hashes, the same on every machine.
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

// noInputError is a directory or pattern that yields no file: an error
// unless --allow-empty.
type noInputError struct{ msg string }

func (e *noInputError) Error() string { return e.msg }

// filters are the --include and --exclude patterns.
type filters struct{ include, exclude []string }

// check validates the patterns, so that a typo fails before any input.
func (f filters) check() error {
	for _, p := range slices.Concat(f.include, f.exclude) {
		if !doublestar.ValidatePattern(p) {
			return fmt.Errorf("--include/--exclude: bad pattern %q", p)
		}
	}
	return nil
}

// skipReason says why a file found under an argument is left out by the
// patterns, or "" when it is kept. A pattern without a slash matches the
// base name; one with a slash matches the path relative to the argument.
func (f filters) skipReason(key string) string {
	for _, p := range f.exclude {
		if matchKey(p, key) {
			return "excluded by --exclude " + p
		}
	}
	if len(f.include) == 0 {
		return ""
	}
	for _, p := range f.include {
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

// expandInputs turns the arguments into inputs: a file or - stays as it
// is, a directory stands for every file under it (recursively, following
// symbolic links once), and a pattern (with *, ?, [ or {, "**" for any
// depth) for the files it matches. Files found twice are listed once.
// empty says which directories and patterns yield no file: an error
// unless --allow-empty.
func expandInputs(args []string, fl filters) (ins []input, empty []string, err error) {
	var out []input
	seen := map[string]bool{}
	add := func(in input) {
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
func expandArg(a string, fl filters) ([]input, error) {
	st, err := os.Stat(a)
	switch {
	case a == "-":
		return []input{{Path: a, Key: a, Named: true}}, nil
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
	return []input{{Path: a, Key: filepath.Base(a), Named: true}}, nil
}

// isPattern reports whether a holds glob syntax.
func isPattern(a string) bool { return strings.ContainsAny(a, "*?[{") }

// expandPattern lists the files a pattern matches, in path order.
func expandPattern(pattern string, fl filters) ([]input, error) {
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

// fileID identifies a directory across symbolic links.
type fileID struct{ dev, ino uint64 }

// walker lists the files under a root in path order, following symbolic
// links but entering each directory once, so that a link loop ends.
type walker struct {
	root    string
	fl      filters
	visited map[fileID]string
	found   []input
}

// key is path relative to the walk's root, with slashes.
func (w *walker) key(path string) string {
	rel, err := filepath.Rel(w.root, path)
	if err != nil || rel == "." {
		rel = filepath.Base(path)
	}
	return filepath.ToSlash(rel)
}

// walk lists path, whose (followed) file info is st.
func (w *walker) walk(path string, st fs.FileInfo) {
	switch {
	case st.Mode().IsRegular():
		in := input{Path: path, Key: w.key(path)}
		in.Skip = w.fl.skipReason(in.Key)
		w.found = append(w.found, in)
		return
	case !st.IsDir():
		w.found = append(w.found, input{Path: path, Key: w.key(path), Skip: "not a regular file (" + st.Mode().Type().String() + ")"})
		return
	}
	if id, ok := idOf(st); ok {
		if first, dup := w.visited[id]; dup {
			w.found = append(w.found, input{Path: path, Key: w.key(path), Skip: "directory already listed as " + first + " (symbolic link loop or second link)"})
			return
		}
		w.visited[id] = path
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		w.found = append(w.found, input{Path: path, Key: w.key(path), Fail: fmt.Errorf("listing %s: %w", path, err)})
		return
	}
	for _, e := range entries { // ReadDir sorts by name
		p := filepath.Join(path, e.Name())
		st, err := os.Stat(p)
		if err != nil {
			w.found = append(w.found, unstatable(p, w.key(p), err))
			continue
		}
		w.walk(p, st)
	}
}

// unstatable is a listed name that could not be looked at: a broken
// symbolic link is skipped, but any other failure (no search permission on
// its directory, an I/O error) is an input that failed, so that a capture
// the walk cannot reach is never silently left out.
func unstatable(path, key string, err error) input {
	if errors.Is(err, fs.ErrNotExist) {
		return input{Path: path, Key: key, Skip: brokenLink(err)}
	}
	return input{Path: path, Key: key, Fail: err}
}

// brokenLink says why a listed name could not be followed.
func brokenLink(err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return "broken symbolic link"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// idOf is the device and inode of a file, where the system has them.
func idOf(st fs.FileInfo) (fileID, bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{uint64(s.Dev), uint64(s.Ino)}, true
}

// skipped lists the inputs that are not read, for the report.
func skipped(ins []input) []report.Skip {
	var out []report.Skip
	for _, in := range ins {
		if in.Skip != "" {
			out = append(out, report.Skip{Path: in.Path, Reason: in.Skip})
		}
	}
	return out
}

// captureExts are the extensions capture files go by (tcpdump -w,
// dumpcap, Wireshark, Microsoft Network Monitor's .cap).
var captureExts = []string{".pcap", ".pcapng", ".cap", ".ntar"}

// namedLikeCapture reports whether a file's name says it is a capture:
// one of captureExts, also gzip-compressed (.pcap.gz) or with the number
// tcpdump -C and -G rotation appends (.pcap1).
func namedLikeCapture(path string) bool {
	name := strings.ToLower(filepath.Base(path))
	name = strings.TrimSuffix(name, ".gz")
	name = strings.TrimRight(name, "0123456789")
	for _, ext := range captureExts {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}
