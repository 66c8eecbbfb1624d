package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pcaplint/pcaplint/parse"
)

// File opens path ("-" is standard input) as opts.Input says and reads it
// with Run. An input that cannot be opened gives a Result whose Err is
// OpenError's wording.
func File(ctx context.Context, path string, opts Options) Result {
	src, closer, err := Open(path, opts.Input)
	if err != nil {
		return Result{Err: err}
	}
	defer closer.Close()
	return Run(ctx, src, opts)
}

// Open opens path ("-" is standard input) as parse.OpenFile does, for a
// caller that reads it with Run after a step of its own; its error is
// worded by OpenError. Close the Closer when done.
func Open(path string, opts parse.Options) (parse.Source, io.Closer, error) {
	src, closer, err := parse.OpenFile(path, opts)
	if err != nil {
		return nil, nil, OpenError(path, err)
	}
	return src, closer, nil
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
