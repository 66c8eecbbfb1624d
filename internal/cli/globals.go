package cli

import "github.com/spf13/cobra"

// AddGlobalFlags declares on root the flags every command has, whose
// meaning this package implements: --color (UseColor) and -q/--quiet
// (Quiet, QuietWriter).
func AddGlobalFlags(root *cobra.Command) {
	pf := root.PersistentFlags()
	pf.String("color", "auto", "colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never")
	pf.BoolP("quiet", "q", false, "print results only: no warnings on standard error, no summary line")
}

// Quiet is the global -q/--quiet of cmd.
func Quiet(cmd *cobra.Command) bool {
	q, _ := cmd.Flags().GetBool("quiet")
	return q
}

// Prepare is what every command does with the global flags before it
// runs: it checks --color, sends standard error through a QuietWriter
// with --quiet, and warns about the deprecated flags set.
func Prepare(cmd *cobra.Command) error {
	if _, err := UseColor(cmd, nil); err != nil {
		return err
	}
	if Quiet(cmd) {
		cmd.SetErr(&QuietWriter{W: cmd.ErrOrStderr()})
	}
	WarnDeprecated(cmd)
	return nil
}
