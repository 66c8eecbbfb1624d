package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// fileID identifies a directory across symbolic links.
type fileID struct{ dev, ino uint64 }

// walker lists the files under a root in path order, following symbolic
// links but entering each directory once, so that a link loop ends.
type walker struct {
	root    string
	fl      Filters
	visited map[fileID]string
	found   []Input
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
		in := Input{Path: path, Key: w.key(path)}
		in.Skip = w.fl.SkipReason(in.Key)
		w.found = append(w.found, in)
		return
	case !st.IsDir():
		w.found = append(w.found, Input{Path: path, Key: w.key(path), Skip: "not a regular file (" + st.Mode().Type().String() + ")"})
		return
	}
	if id, ok := idOf(st); ok {
		if first, dup := w.visited[id]; dup {
			w.found = append(w.found, Input{Path: path, Key: w.key(path), Skip: "directory already listed as " + first + " (symbolic link loop or second link)"})
			return
		}
		w.visited[id] = path
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		w.found = append(w.found, Input{Path: path, Key: w.key(path), Fail: fmt.Errorf("listing %s: %w", path, err)})
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
func unstatable(path, key string, err error) Input {
	if errors.Is(err, fs.ErrNotExist) {
		return Input{Path: path, Key: key, Skip: brokenLink(err)}
	}
	return Input{Path: path, Key: key, Fail: err}
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
