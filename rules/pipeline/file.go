package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pcaplint/pcaplint/parse"
)

// File opens path ("-" is standard input) as opts.Input says and reads it
// with Run. An input that cannot be opened gives a Result whose Err is
// OpenError's wording.
func File(ctx context.Context, path string, opts Options) Result {
	src, closer, err := parse.OpenFile(path, opts.Input)
	if err != nil {
		return Result{Err: OpenError(path, err)}
	}
	defer closer.Close()
	return Run(ctx, src, opts)
}

// OpenError words the error of opening an input so that it says what to
// give instead.
func OpenError(path string, err error) error {
	if st, serr := os.Stat(path); serr == nil && st.IsDir() {
		return fmt.Errorf("%s: is a directory; give the files in it (%s), or lint the directory", path, filepath.Join(path, "*"))
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file; give a pcap, pcapng or tcpdump text file, or - for standard input", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied; captures written by tcpdump as root may need sudo chown or chmod", path)
	}
	return err
}
