package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pcaplint/pcaplint/internal/cli"
	"github.com/pcaplint/pcaplint/internal/safefile"
	"github.com/pcaplint/pcaplint/render/ruledoc"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/ruleset"
	"github.com/spf13/cobra"
)

//go:generate go run . rules docs -o ../../docs/rules.md

// newRulesCmd is rules list, show and init, and the hidden rules docs that
// go generate ./cmd/pcaplint runs to write docs/rules.md.
func newRulesCmd(checks []*rules.Check) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "rules COMMAND",
		Short:   "List and explain the checks, and start a rule file",
		Example: "  pcaplint rules list\n  pcaplint rules show rst-unexpected\n  pcaplint rules init",
		Args:    cobra.ArbitraryArgs,
		RunE:    cli.SubcommandsOnly,
	}
	var force bool
	initCmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented starter " + ruleset.FileName,
		Long: `init writes a commented starter rule file (` + ruleset.FileName + ` in the current
directory unless FILE is given) that extends the default set and lists every
check. It does not overwrite an existing file unless --force is given.`,
		Example: "  pcaplint rules init\n  pcaplint rules init ci/pcaplint.yaml --force",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := ruleset.FileName
			if len(args) == 1 {
				path = args[0]
			}
			if _, err := os.Lstat(path); err == nil && !force {
				return fmt.Errorf("%s exists; pass --force to overwrite it", path)
			}
			if _, err := os.Stat(filepath.Dir(path)); errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("cannot write %s: the directory %s does not exist", path, filepath.Dir(path))
			}
			if err := safefile.Write(path, safefile.Bytes(ruleset.Starter(checks))); err != nil {
				return fmt.Errorf("cannot write the rule file: %w", err)
			}
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", path)
			return err
		},
	}
	initCmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	var output string
	docsCmd := &cobra.Command{
		Use:     "docs",
		Short:   "Write the checks' documentation as Markdown (docs/rules.md)",
		Example: "  pcaplint rules docs -o docs/rules.md",
		Hidden:  true,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if output == "" {
				_, err := cmd.OutOrStdout().Write(ruledoc.Markdown(checks))
				return err
			}
			return safefile.Write(output, safefile.Bytes(ruledoc.Markdown(checks)))
		},
	}
	docsCmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	cmd.AddCommand(&cobra.Command{
		Use:     "list",
		Short:   "List every check: ID, default severity, title",
		Example: "  pcaplint rules list",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, _ []string) error { return ruledoc.List(cmd.OutOrStdout(), checks) },
	}, &cobra.Command{
		Use:     "show ID",
		Short:   "Explain a check: what it fires on, examples, RFC, parameters",
		Example: "  pcaplint rules show seq-gap",
		Args:    cobra.ExactArgs(1),
		RunE:    func(cmd *cobra.Command, args []string) error { return ruledoc.Show(cmd.OutOrStdout(), checks, args[0]) },
	}, initCmd, docsCmd)
	return cmd
}
