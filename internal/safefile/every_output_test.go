package safefile

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// notOutputs are the module's directories that may create files without
// this package: it is this package, spill's temporary files (created
// with O_EXCL in the temporary directory), and the test helpers and tools
// that write into the repository.
var notOutputs = []string{
	"internal/safefile", "internal/spill", "internal/golden", "internal/oracle",
	"internal/chromiumtest", "testdata", "bench",
}

// TestEveryOutputGoesThroughWrite: no code of the module creates a file
// but through Write and WriteIn, whether in cmd/pcaplint or in a library
// it calls, so that an output added later cannot follow a planted link.
func TestEveryOutputGoesThroughWrite(t *testing.T) {
	const module = "../.."
	err := filepath.WalkDir(module, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(module, path)
		rel = filepath.ToSlash(rel)
		for _, skip := range notOutputs {
			if rel == skip || d.IsDir() && strings.HasPrefix(rel, ".") && rel != "." {
				return filepath.SkipDir
			}
		}
		if d.IsDir() || !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, call := range []string{"os.Create(", "os.WriteFile(", "os.OpenFile(", "os.CreateTemp("} {
			if strings.Contains(string(b), call) {
				t.Errorf("%s calls %s: write outputs with safefile.Write", rel, call)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
