package safefile

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrTooLarge is returned by ReadAtMost for a file longer than its limit.
var ErrTooLarge = errors.New("longer than the limit")

// ReadAtMost reads path whole unless it holds more than limit bytes, when
// it returns ErrTooLarge having read limit+1: /dev/zero, or a link to it
// committed in a repository, is refused instead of read until memory runs
// out. Its errors start with path ("x.json: no such file or directory").
func ReadAtMost(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if int64(len(b)) > limit {
		return nil, ErrTooLarge
	}
	return b, nil
}
