package main

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// useColor decides --color: always, never, or auto — on when w is a
// terminal and NO_COLOR (https://no-color.org) is unset or empty.
func useColor(mode string, w io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
			return false, nil
		}
		f, ok := w.(interface{ Fd() uintptr })
		return ok && term.IsTerminal(int(f.Fd())), nil
	}
	return false, fmt.Errorf("--color must be auto, always or never, not %q", mode)
}
