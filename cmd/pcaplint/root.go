package main

import (
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
draws it as a sequence diagram.`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	addProfileFlags(root)
	root.AddCommand(newConnsCmd(), newLintCmd(checks), newRulesCmd(checks), newExplainCmd(checks), newDiagramCmd(checks))
	return root
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
