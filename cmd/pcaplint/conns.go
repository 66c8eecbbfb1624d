package main

import (
	"fmt"
	"os"
	"slices"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
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
			rep := &report.Report{}
			for _, path := range args {
				rep.Files = append(rep.Files, readConns(path, opts))
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
			return inputErrors(rep)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "table", "output format: table or json")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "treat malformed tcpdump text lines as errors")
	cmd.Flags().BoolVarP(&opts.Absolute, "absolute", "S", false, "tcpdump text was printed with -S (absolute sequence numbers)")
	return cmd
}

// inputErrors prints every input's problems on stderr and returns exit code
// 2 when an input could not be read whole.
func inputErrors(rep *report.Report) error {
	failed := false
	for _, f := range rep.Files {
		for _, p := range f.Stats.Problems {
			if !p.Fatal {
				fmt.Fprintf(os.Stderr, "pcaplint: warning: %s\n", p.Error())
			}
		}
		if f.Stats.MoreProblems > 0 {
			fmt.Fprintf(os.Stderr, "pcaplint: warning: %s: %d more problems not shown\n", f.Path, f.Stats.MoreProblems)
		}
		if f.Err != nil {
			fmt.Fprintf(os.Stderr, "pcaplint: error: %v\n", f.Err)
			failed = true
		}
	}
	if failed {
		return exitCode(exitError)
	}
	return nil
}

func sortedConns(cs []*rules.Conn) []*rules.Conn {
	slices.SortFunc(cs, func(a, b *rules.Conn) int { return a.ID - b.ID })
	return cs
}
