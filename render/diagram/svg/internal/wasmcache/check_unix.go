//go:build unix

package wasmcache

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// redirects is true where os.TempDir reads $TMPDIR, which defaults to a
// directory shared by every user.
const redirects = true

// checkPrivate refuses path unless it is a directory or file (not a symbolic
// link) owned by the effective user and writable by no one else, and its
// parent directory is either not writable by others or sticky (as /tmp
// is), so no one else can replace it after the check.
func checkPrivate(path string) error {
	if err := checkOwned(path, false); err != nil {
		return err
	}
	return checkOwned(filepath.Dir(path), true)
}

func checkOwned(path string, parent bool) error {
	fi, err := os.Lstat(path)
	if err != nil {
		return err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fmt.Errorf("%s: no owner to check", path)
	}
	if parent {
		if fi.Mode()&0o022 != 0 && fi.Mode()&os.ModeSticky == 0 {
			return fmt.Errorf("%s: writable by group or others and not sticky, refused", path)
		}
		return nil
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("%s: a symbolic link, refused", path)
	}
	if int(st.Uid) != os.Geteuid() {
		return fmt.Errorf("%s: owned by uid %d, not by uid %d, refused", path, st.Uid, os.Geteuid())
	}
	if fi.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("%s: writable by group or others (mode %04o), refused", path, fi.Mode().Perm())
	}
	return nil
}
