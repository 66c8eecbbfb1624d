package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// UseColor decides the global --color of cmd (AddGlobalFlags) for
// output to w: always, never, or auto — on when w is a terminal,
// NO_COLOR (https://no-color.org) is unset or empty, and TERM is not
// dumb.
func UseColor(cmd *cobra.Command, w io.Writer) (bool, error) {
	mode, _ := cmd.Flags().GetString("color")
	return useColor(mode, w)
}

// useColor is UseColor of the flag's value mode.
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
