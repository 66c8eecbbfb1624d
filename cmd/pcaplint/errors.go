package main

import (
	"errors"
	"fmt"
	"github.com/pcaplint/pcaplint/render/report"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// usageError is a mistake on the command line: printed with the command's
// usage line and where to read more.
type usageError struct {
	cmd *cobra.Command
	err error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// friendlyUsage makes cobra's argument and flag errors usage errors, and
// words a missing argument as what is missing.
func friendlyUsage(root *cobra.Command) {
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &usageError{c, err} })
	walk(root, func(c *cobra.Command) {
		check := c.Args
		if check == nil {
			return
		}
		c.Args = func(c *cobra.Command, args []string) error {
			err := check(c, args)
			if err == nil {
				return nil
			}
			_, what, ok := strings.Cut(c.Use, " ")
			switch {
			case ok && len(args) == 0:
				err = fmt.Errorf("missing %s", what)
			case ok:
				err = fmt.Errorf("takes %s, not %d arguments %q", what, len(args), args)
			default:
				err = fmt.Errorf("takes no arguments, not %q", args)
			}
			return &usageError{c, err}
		}
	})
}

// printError prints what went wrong on w, with the usage of the command
// for a mistake on the command line. cmd is the command that ran, or
// the root when none was found.
func printError(w io.Writer, cmd *cobra.Command, err error) {
	var ue *usageError
	if errors.As(err, &ue) {
		cmd = ue.cmd
	} else if !strings.HasPrefix(err.Error(), "unknown command ") {
		fmt.Fprintln(w, "pcaplint:", report.OneLine(err.Error()))
		return
	}
	fmt.Fprintf(w, "%s: %v\n", cmd.CommandPath(), strings.TrimRight(err.Error(), "\n"))
	if cmd.Runnable() {
		fmt.Fprintf(w, "Usage: %s\n", cmd.UseLine())
	}
	fmt.Fprintf(w, "Run '%s --help' for more.\n", cmd.CommandPath())
}

// subcommandsOnly is the RunE of a command that only groups others: with
// no argument it prints its help, with one it says no such command exists.
func subcommandsOnly(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return cmd.Help()
	}
	hint := ""
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		hint = " (did you mean " + s[0] + "?)"
	}
	return &usageError{cmd, fmt.Errorf("unknown command %q%s", args[0], hint)}
}
