package safefile_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/pcaplint/pcaplint/internal/safefile"
)

func ExampleWrite() {
	dir, _ := os.MkdirTemp("", "safefile")
	defer os.RemoveAll(dir)
	// A link planted where the output goes is refused, not followed.
	os.Symlink("/etc/passwd", filepath.Join(dir, "planted.svg"))
	err := safefile.Write(filepath.Join(dir, "planted.svg"), safefile.Bytes([]byte("<svg/>")))
	fmt.Println(err != nil)
	// A new file is written whole or not at all.
	err = safefile.Write(filepath.Join(dir, "conn.svg"), safefile.Bytes([]byte("<svg/>")))
	b, _ := os.ReadFile(filepath.Join(dir, "conn.svg"))
	fmt.Println(err, string(b))
	// Output:
	// true
	// <nil> <svg/>
}
