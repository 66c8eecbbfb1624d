package oracle

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// CheckNoneLeft fails the test for every recording under dir that is not
// one of want: a recording left behind by a capture that was removed or
// renamed. In Record mode it removes them instead.
func CheckNoneLeft(tb testing.TB, dir string, want []string) {
	tb.Helper()
	mode, _ := CurrentMode()
	var wanted []string
	for _, w := range want {
		wanted = append(wanted, filepath.Clean(w))
	}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || slices.Contains(wanted, filepath.Clean(path)) {
			return nil
		}
		if mode == Record {
			os.Remove(path)
			return nil
		}
		tb.Errorf("%s records no capture of testdata any more: run %s", path, RecordCommand)
		return nil
	})
}
