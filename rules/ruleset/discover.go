package ruleset

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// FileName is the rule file pcaplint looks for when --rules is not given.
const FileName = ".pcaplint.yaml"

// Find returns the path of FileName in dir or in the nearest parent
// directory that holds one, or "" when none does.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		path := filepath.Join(dir, FileName)
		st, err := os.Stat(path)
		switch {
		case err == nil && !st.IsDir():
			return path, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}
