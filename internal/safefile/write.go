// Package safefile writes the files pcaplint produces without following a
// symbolic link in their place, and reads the files it is given with a
// bound on their size. Every output of every command goes through Write or
// WriteIn (docs/security.md, "Output files").
package safefile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Write writes what write produces to path as WriteIn does, inside path's
// directory.
func Write(path string, write func(io.Writer) error) error {
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if name == "" {
		return fmt.Errorf("%s: a directory, not a file name", path)
	}
	root, err := os.OpenRoot(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: the directory %s does not exist", path, filepath.Clean(dir))
	case err != nil:
		return fmt.Errorf("%s: %w", path, unwrapPath(err)) // not "open nodir/: …": the path given
	}
	defer root.Close()
	return WriteIn(root, name, write)
}

// WriteIn writes what write produces to name inside root without ever
// following a symbolic link: one in name's place is refused, so a link
// planted in an output directory cannot make pcaplint overwrite the file
// it points to, and root keeps name from leading out of the directory. A
// regular file (new or replaced) is written to a temporary file in the
// same directory and renamed into place once complete, so a full disk or
// a failed render leaves the old file, never an empty or cut one. A
// device or pipe already in name's place (-o /dev/null) is written to as
// it is.
func WriteIn(root *os.Root, name string, write func(io.Writer) error) error {
	st, err := root.Lstat(name)
	switch {
	case err == nil && st.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s: refusing to write through a symbolic link", filepath.Join(root.Name(), name))
	case err == nil && st.IsDir():
		return fmt.Errorf("%s: is a directory", filepath.Join(root.Name(), name))
	case err == nil && !st.Mode().IsRegular():
		return writeInPlace(root, name, write)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	mode := fs.FileMode(0o644)
	if err == nil {
		mode = st.Mode().Perm()
	}
	var rnd [6]byte
	rand.Read(rnd[:])
	sub, base := filepath.Split(name)
	tmp := sub + "." + base + ".pcaplint-" + hex.EncodeToString(rnd[:])
	path := filepath.Join(root.Name(), name)
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return fmt.Errorf("%s: %w", path, ofTemp(tmp, err))
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(tmp, name)
	}
	if err != nil {
		root.Remove(tmp)
		return fmt.Errorf("%s: %w", path, ofTemp(tmp, err))
	}
	return nil
}

// ofTemp drops the name of the temporary file tmp from err (an open,
// write, close or rename of it): the user named the file it replaces,
// and a name like ".out.png.pcaplint-0ef33dc6882a" in an error would
// be a file they never asked for and will not find.
func ofTemp(tmp string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && filepath.Base(pe.Path) == filepath.Base(tmp) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) && filepath.Base(le.Old) == filepath.Base(tmp) {
		return le.Err
	}
	return err
}

// unwrapPath drops the path an os error repeats.
func unwrapPath(err error) error {
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// writeInPlace writes to an existing device or pipe.
func writeInPlace(root *os.Root, name string, write func(io.Writer) error) error {
	f, err := root.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Bytes is a write function for Write and WriteIn that writes b.
func Bytes(b []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	}
}
