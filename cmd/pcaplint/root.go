package main

import (
	"fmt"
	"runtime/debug"

	"github.com/pcaplint/pcaplint/rules"
	"github.com/spf13/cobra"
)

func newRootCmd(checks []*rules.Check) *cobra.Command {
	root := &cobra.Command{
		Use:   "pcaplint",
		Short: "Lint TCP conversations in packet captures and tcpdump logs",
		Long: `pcaplint reads TCP traffic from pcap and pcapng captures and from tcpdump's
text output, follows every connection, checks it against TCP's rules, and
draws it as a sequence diagram.

Every command reads pcap, pcapng (gzip-compressed or not) and tcpdump text,
recognised by content; - reads standard input. Results go to standard
output, errors and warnings to standard error.`,
		Example: `  pcaplint lint capture.pcap
  tcpdump -l -n -i lo port 8080 | pcaplint lint -
  pcaplint diagram capture.pcap -o conn.svg
  source <(pcaplint completion bash)`,
		Version:           version(),
		SilenceUsage:      true,
		SilenceErrors:     true,
		PersistentPreRunE: preRun,
	}
	pf := root.PersistentFlags()
	pf.String("color", "auto", "colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never")
	pf.BoolP("quiet", "q", false, "print results only: no warnings on standard error, no summary line")
	root.AddCommand(newConnsCmd(), newLintCmd(checks), newRulesCmd(checks), newExplainCmd(checks),
		newDiagramCmd(checks), newGraphCmd(checks), newMergeCmd(checks), newVersionCmd())
	addCompletion(root, checks)
	friendlyUsage(root)
	addProfileFlags(root)
	return root
}

// preRun checks the global flags before any command runs, warns about
// deprecated flags, and with --quiet drops warnings from standard error.
func preRun(cmd *cobra.Command, _ []string) error {
	if _, err := useColor(colorFlag(cmd), nil); err != nil {
		return err
	}
	if n, err := cmd.Flags().GetInt("max-conns"); err == nil && n < 1 {
		return fmt.Errorf("--max-conns must be at least 1, not %d", n)
	}
	if quietFlag(cmd) {
		cmd.SetErr(&warningFilter{w: cmd.ErrOrStderr()})
	}
	warnDeprecated(cmd)
	return nil
}

// colorFlag is the value of the global --color.
func colorFlag(cmd *cobra.Command) string {
	s, _ := cmd.Flags().GetString("color")
	return s
}

// quietFlag is the value of the global -q/--quiet.
func quietFlag(cmd *cobra.Command) bool {
	q, _ := cmd.Flags().GetBool("quiet")
	return q
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print pcaplint's module version and VCS revision",
		Example: "  pcaplint version\n  pcaplint --version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "pcaplint version %s\n", version())
			return err
		},
	}
}

// version is the module version and VCS revision from the build info.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}
