package main

import (
	"fmt"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/internal/memlimit"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/pipeline"
	"github.com/spf13/cobra"
)

func newConnsCmd() *cobra.Command {
	var format string
	var withStats bool
	var opts parse.Options
	cmd := &cobra.Command{
		Use:     "conns FILE...",
		Short:   "List the TCP connections of captures or tcpdump logs",
		Long:    longHelp("conns"),
		Example: longHelp("conns-examples"),
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			memlimit.Apply()
			if format != "table" && format != "json" {
				return fmt.Errorf("--format must be table or json, not %q", format)
			}
			rep := pcaplint.Conns(cmd.Context(), args, format == "json", withStats, pipeline.Options{Input: opts, MaxConns: maxConns})
			defer pcaplint.CloseSpools(rep)
			write := report.WriteConnsTable
			if format == "json" {
				write = report.WriteConnsJSON
			}
			if err := write(cmd.OutOrStdout(), rep); err != nil {
				return err
			}
			return inputErrors(cmd.ErrOrStderr(), rep, rules.English)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "table", "output format: table or json")
	cmd.Flags().BoolVar(&withStats, "stats", false, "add statistics per direction: bytes, unique and retransmitted bytes, goodput, RTT, bytes in flight, windows (docs/stats.md)")
	addInputFlags(cmd, &opts, "absolute")
	return cmd
}
