// Package cli is the plumbing of pcaplint's command line that is not one
// command's: usage errors worded for people, deprecated flag spellings,
// the global flags --color and --quiet, buffered standard output, and the
// version string. cmd/pcaplint declares the commands and their flags and
// chooses exit codes; this package does the rest.
package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/spf13/cobra"
)

// UsageError is a mistake on the command line: PrintError prints it with
// the usage line of Cmd and where to read more.
type UsageError struct {
	Cmd *cobra.Command
	Err error
}

// Error is the mistake, without the usage.
func (e *UsageError) Error() string { return e.Err.Error() }

// Unwrap is the mistake.
func (e *UsageError) Unwrap() error { return e.Err }

// FriendlyUsage makes cobra's argument and flag errors of root and every
// command below it usage errors, and words a missing argument as what is
// missing, from the command's Use ("lint FILE|DIR|-...": "missing
// FILE|DIR|-...").
func FriendlyUsage(root *cobra.Command) {
	root.DisableSuggestions = true // PrintError words them as every other command does
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &UsageError{c, err} })
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
			return &UsageError{c, err}
		}
	})
}

// walk calls fn on cmd and every command below it.
func walk(cmd *cobra.Command, fn func(*cobra.Command)) {
	fn(cmd)
	for _, c := range cmd.Commands() {
		walk(c, fn)
	}
}

// PrintError prints what went wrong on w, with the usage of
// the command for a mistake on the command line. cmd is the command that
// ran, or the root when none was found. A newline in another error is
// shown as \n (report.OneLine), so that the message stays one line.
func PrintError(w io.Writer, cmd *cobra.Command, err error) {
	var ue *UsageError
	if errors.As(err, &ue) {
		cmd = ue.Cmd
	} else if name, ok := unknownCommand(err); ok {
		err = fmt.Errorf("unknown command %q%s", name, suggest(cmd, name))
	} else {
		fmt.Fprintln(w, "pcaplint:", report.OneLine(err.Error()))
		return
	}
	fmt.Fprintf(w, "%s: %v\n", cmd.CommandPath(), strings.TrimRight(err.Error(), "\n"))
	if cmd.Runnable() {
		fmt.Fprintf(w, "Usage: %s\n", cmd.UseLine())
	}
	fmt.Fprintf(w, "Run '%s --help' for more.\n", cmd.CommandPath())
}

// unknownCommand is the name in cobra's error for an unknown command of
// the root (`unknown command "lnt" for "pcaplint"`).
func unknownCommand(err error) (string, bool) {
	rest, ok := strings.CutPrefix(err.Error(), "unknown command ")
	if !ok {
		return "", false
	}
	quoted, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return "", false
	}
	name, err := strconv.Unquote(quoted)
	return name, err == nil
}

// SubcommandsOnly is the RunE of a command that only groups others: with
// no argument it prints its help, with one it says no such command
// exists, suggesting the nearest.
func SubcommandsOnly(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return cmd.Help()
	}
	return &UsageError{cmd, fmt.Errorf("unknown command %q%s", args[0], suggest(cmd, args[0]))}
}
