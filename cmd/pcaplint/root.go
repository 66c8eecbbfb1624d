package main

import (
	"fmt"

	"github.com/pcaplint/pcaplint/internal/cli"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/spf13/cobra"
)

func newRootCmd(checks []*rules.Check) *cobra.Command {
	root := &cobra.Command{
		Use:               "pcaplint",
		Short:             "Lint TCP conversations in packet captures and tcpdump logs",
		Long:              longHelp("root"),
		Example:           longHelp("root-examples"),
		Version:           cli.Version(),
		SilenceUsage:      true,
		SilenceErrors:     true,
		PersistentPreRunE: preRun,
	}
	cli.AddGlobalFlags(root)
	root.AddCommand(newConnsCmd(), newLintCmd(checks), newRulesCmd(checks), newExplainCmd(checks),
		newDiagramCmd(checks), newGraphCmd(checks), newMergeCmd(checks), newVersionCmd())
	addCompletion(root, checks)
	cli.FriendlyUsage(root)
	cli.StrictHelp(root)
	return root
}

// preRun checks the global flags and --max-conns before any command
// runs, warns about deprecated flags, and with --quiet drops warnings from
// standard error.
func preRun(cmd *cobra.Command, _ []string) error {
	if _, err := cli.UseColor(cmd, nil); err != nil {
		return err // before --max-conns, as it always was
	}
	if n, err := cmd.Flags().GetInt("max-conns"); err == nil && n < 1 {
		return fmt.Errorf("--max-conns must be at least 1, not %d", n)
	}
	return cli.Prepare(cmd)
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print pcaplint's module version and VCS revision",
		Example: "  pcaplint version\n  pcaplint --version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "pcaplint version %s\n", cli.Version())
			return err
		},
	}
}
