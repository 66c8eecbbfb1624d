package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// StrictHelp makes `pcaplint help TOPIC` a usage error (exit 2, with the
// nearest command as a suggestion) when TOPIC names no command, where
// cobra's help command prints the usage and succeeds. A known topic is
// shown as cobra shows it.
func StrictHelp(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	for _, help := range root.Commands() {
		if help.Name() != "help" || help.Run == nil {
			continue
		}
		show := help.Run
		help.Run = nil
		help.RunE = func(c *cobra.Command, args []string) error {
			found, rest, err := c.Root().Find(args)
			if err == nil && (len(rest) == 0 || !found.HasSubCommands()) {
				show(c, args)
				return nil
			}
			unknown := args[len(args)-1]
			if len(rest) > 0 {
				unknown = rest[0]
			}
			return &UsageError{found, fmt.Errorf("unknown help topic %q%s", strings.Join(args, " "), suggest(found, unknown))}
		}
	}
}

// ShellsOnly is the RunE of the completion command: with no argument it
// prints its help, and with a shell it writes no script for, it says
// which shells it knows, where cobra would print the help and succeed.
func ShellsOnly(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return cmd.Help()
	}
	var shells []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			shells = append(shells, c.Name())
		}
	}
	list := strings.Join(shells, ", ")
	if i := strings.LastIndex(list, ", "); i >= 0 {
		list = list[:i] + " or " + list[i+2:]
	}
	return &UsageError{cmd, fmt.Errorf("no completion script for the shell %q: pcaplint writes them for %s", args[0], list)}
}

// suggest is " (did you mean NAME?)" for the command below cmd nearest
// to name, or "" when none is near.
func suggest(cmd *cobra.Command, name string) string {
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2
	}
	if s := cmd.SuggestionsFor(name); len(s) > 0 {
		return " (did you mean " + s[0] + "?)"
	}
	return ""
}
