package main

import (
	"fmt"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/spf13/cobra"
)

func newConnsCmd() *cobra.Command {
	var format string
	var opts parse.Options
	cmd := &cobra.Command{
		Use:   "conns FILE...",
		Short: "List the TCP connections of captures or tcpdump logs",
		Long: `conns lists every TCP connection: client, server, packets, payload bytes,
duration, Zeek's conn_state and history. FILE is a pcap or pcapng capture
(gzip-compressed or not) or tcpdump text, recognised by content; - reads
standard input.`,
		Example: `  pcaplint conns testdata/captures/real/clean.pcap
  tcpdump -l -n -i lo port 8080 | pcaplint conns -
  pcaplint conns --format json capture.pcapng.gz`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return fmt.Errorf("--format must be table or json, not %q", format)
			}
			keep := keepConns // the table's columns are as wide as their widest cell
			if format == "json" {
				keep = keepSpool
			}
			rep := &report.Report{}
			defer closeSpools(rep)
			for _, path := range args {
				f, _ := readInputSharded(path, opts, keep, nil)
				rep.Files = append(rep.Files, f)
			}
			out := cmd.OutOrStdout()
			var err error
			if format == "json" {
				err = report.WriteConnsJSON(out, rep)
			} else {
				err = report.WriteConnsTable(out, rep)
			}
			if err != nil {
				return err
			}
			return inputErrors(cmd.ErrOrStderr(), rep)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "table", "output format: table or json")
	addInputFlags(cmd, &opts, "absolute")
	return cmd
}
