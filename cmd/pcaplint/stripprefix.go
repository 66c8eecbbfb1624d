package main

import (
	"fmt"
	"regexp"
	"sync"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/spf13/cobra"
)

// prefixFlag is --strip-prefix: a regular expression, compiled when the
// flag is parsed, so that a bad one is a usage error before any input is
// read.
type prefixFlag struct{ opts *parse.Options }

func (p prefixFlag) String() string {
	if p.opts.StripPrefix == nil {
		return ""
	}
	return p.opts.StripPrefix.String()
}

func (p prefixFlag) Set(s string) error {
	re, err := regexp.Compile(s)
	if err != nil {
		return fmt.Errorf("not a regular expression: %w", err)
	}
	p.opts.StripPrefix = re
	return nil
}

func (prefixFlag) Type() string { return "REGEX" }

// addPrefixFlag declares --strip-prefix, and says once per input on
// standard error which prefix is stripped from its lines (a note, which
// --quiet drops). Inputs read in parallel say it one at a time.
func addPrefixFlag(cmd *cobra.Command, opts *parse.Options) {
	cmd.Flags().Var(prefixFlag{opts}, "strip-prefix",
		"strip what this regular expression matches at the start of each line of tcpdump text (a log collector's prefix; lines without it are skipped)")
	var mu sync.Mutex
	opts.OnPrefix = func(name, prefix string) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(cmd.ErrOrStderr(), "pcaplint: note: %s: each line starts with %s, stripped\n", report.OneLine(name), report.OneLine(prefix))
	}
}
