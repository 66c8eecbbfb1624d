package cli

import (
	"os"

	"golang.org/x/term"
)

// StdoutIsTerminal reports whether standard output is a terminal, where a
// PNG must not go.
func StdoutIsTerminal() bool {
	// A character device is not enough: /dev/null is one too.
	return term.IsTerminal(int(os.Stdout.Fd()))
}

// OrNever maps a flag's 0 ("never", as --gap and --max-rows say) to the
// drawing model's negative; any other value is kept.
func OrNever[T ~int | ~int64](v T) T {
	if v == 0 {
		return -1
	}
	return v
}
