package main

import (
	"fmt"
	"sync"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/spf13/cobra"
)

// addPrefixFlag declares --strip-prefix, and says once per input on
// standard error which prefix is stripped from its lines (a note, which
// --quiet drops). Inputs read in parallel say it one at a time.
func addPrefixFlag(cmd *cobra.Command, opts *parse.Options) {
	cmd.Flags().Var(parse.PrefixFlag{Options: opts}, "strip-prefix",
		"strip what this regular expression matches at the start of each line of tcpdump text (a log collector's prefix; lines without it are skipped)")
	var mu sync.Mutex
	opts.OnPrefix = func(name, prefix string) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(cmd.ErrOrStderr(), "pcaplint: note: %s: each line starts with %s, stripped\n", report.OneLine(name), report.OneLine(prefix))
	}
}
