package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/pcaplint/pcaplint/internal/safefile"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/ruleset"
	"github.com/spf13/cobra"
)

func newRulesCmd(checks []*rules.Check) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules COMMAND",
		Short: "List and explain the checks, and start a rule file",
		Example: `  pcaplint rules list
  pcaplint rules show rst-unexpected
  pcaplint rules init`,
		Args: cobra.ArbitraryArgs,
		RunE: subcommandsOnly,
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:     "list",
			Short:   "List every check: ID, default severity, title",
			Example: "  pcaplint rules list",
			Args:    cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				return listChecks(cmd.OutOrStdout(), checks)
			},
		},
		&cobra.Command{
			Use:     "show ID",
			Short:   "Explain a check: what it fires on, examples, RFC, parameters",
			Example: "  pcaplint rules show seq-gap",
			Args:    cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				return showCheck(cmd.OutOrStdout(), checks, args[0])
			},
		},
		newRulesInitCmd(checks),
		newRulesDocsCmd(checks),
	)
	return cmd
}

func listChecks(w io.Writer, checks []*rules.Check) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDEFAULT\tTITLE")
	for _, c := range checks {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", c.ID, c.Default, c.Title)
	}
	return tw.Flush()
}

func showCheck(w io.Writer, checks []*rules.Check, id string) error {
	var ids []string
	for _, c := range checks {
		if c.ID == id {
			_, err := io.WriteString(w, checkDoc(c))
			return err
		}
		ids = append(ids, c.ID)
	}
	return fmt.Errorf("no check %q%s; pcaplint rules list shows them all", id, ruleset.Suggest(id, ids))
}

// checkDoc is the full documentation of a check, as rules show prints it.
func checkDoc(c *rules.Check) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\nDefault severity: %s\n", c.ID, c.Title, c.Default)
	section := func(title, text string) {
		if text = strings.TrimSpace(text); text != "" {
			fmt.Fprintf(&b, "\n%s:\n%s\n", title, indent(text))
		}
	}
	if doc := strings.TrimSpace(c.Doc); doc != "" {
		b.WriteString("\n" + doc + "\n")
	}
	section("Triggers on", c.Triggers)
	section("Passes", c.Passes)
	section("RFC", c.RFC)
	section("Wireshark", c.Wireshark)
	if len(c.Params) > 0 {
		b.WriteString("\nParameters:\n")
		for _, p := range c.Params {
			fmt.Fprintf(&b, "  %s (default %v): %s\n", p.Name, p.Default, p.Doc)
		}
	}
	return b.String()
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

func newRulesInitCmd(checks []*rules.Check) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented starter " + ruleset.FileName,
		Long: `init writes a commented starter rule file (` + ruleset.FileName + ` in the current
directory unless FILE is given) that extends the default set and lists every
check. It does not overwrite an existing file unless --force is given.`,
		Example: `  pcaplint rules init
  pcaplint rules init ci/pcaplint.yaml --force`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := ruleset.FileName
			if len(args) == 1 {
				path = args[0]
			}
			if err := writeStarter(path, ruleset.Starter(checks), force); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", path)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}

// writeStarter writes data to path, refusing to replace a file unless force.
func writeStarter(path string, data []byte, force bool) error {
	if _, err := os.Lstat(path); err == nil && !force {
		return fmt.Errorf("%s exists; pass --force to overwrite it", path)
	}
	if _, err := os.Stat(filepath.Dir(path)); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot write %s: the directory %s does not exist", path, filepath.Dir(path))
	}
	if err := safefile.Write(path, safefile.Bytes(data)); err != nil {
		return fmt.Errorf("cannot write the rule file: %w", err)
	}
	return nil
}
