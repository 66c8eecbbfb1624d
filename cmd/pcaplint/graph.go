package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/internal/cli"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/png"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/spf13/cobra"
)

// graphFlags are the graph command's options.
type graphFlags struct {
	output    string
	format    string
	kind      string
	dir       string
	conns     []int
	filter    string
	theme     string
	gap       time.Duration
	maxPixels int64
	input     parse.Options
	rulesFile string
	overrides []string
}

func newGraphCmd(checks []*rules.Check) *cobra.Command {
	var fl graphFlags
	cmd := &cobra.Command{
		Use:     "graph FILE",
		Short:   "Draw a connection's time-sequence, throughput, RTT or window graph",
		Long:    longHelp("graph"),
		Example: longHelp("graph-examples"),
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGraph(cmd, args[0], &fl, checks)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&fl.output, "output", "o", "", "output file, or directory (ending in /) for one file per connection")
	f.StringVarP(&fl.format, "format", "f", "", drawing.Graphs.List()+" (default: from -o's extension, else svg)")
	f.StringVar(&fl.kind, "kind", "tsg", "the graph: "+strings.Join(graph.Kinds, ", "))
	f.StringVar(&fl.dir, "dir", "auto", "the directions of data drawn, a panel each: client, server, both, or auto (each that sent at least 5% of the bytes)")
	f.IntSliceVar(&fl.conns, "conn", nil, "draw only the connections with these IDs (as pcaplint conns numbers them)")
	f.StringVar(&fl.filter, "filter", "", "draw only connections in this scope, as rule files write them: 'port N', 'host H', 'net CIDR', joined by 'and'")
	f.DurationVar(&fl.gap, "gap", diagram.DefaultGap, "idle time cut out of the time axis as a break (0: never)")
	f.StringVar(&fl.theme, "theme", "auto", "light, dark, or auto (follows the viewer's colour scheme)")
	f.String("lang", "en", "language of the caption, axes, legend and notes, and of the findings' messages: en or zh")
	f.Int64Var(&fl.maxPixels, "max-pixels", png.DefaultMaxPixels, "refuse to draw a PNG of more pixels than this (-1: no limit)")
	addRulesFlags(f, &fl.rulesFile, &fl.overrides, "whose findings are marked")
	addInputFlags(cmd, &fl.input, "")
	return cmd
}

func runGraph(cmd *cobra.Command, path string, fl *graphFlags, checks []*rules.Check) error {
	fl.output = cli.OutputPath(fl.output)
	format, err := drawing.Graphs.Choose(fl.format, fl.output)
	if err != nil {
		return err
	}
	kind, err := graph.ParseKind(fl.kind)
	if err != nil {
		return fmt.Errorf("--kind: %w", err)
	}
	dirs, err := graph.ParseDirs(fl.dir)
	if err != nil {
		return fmt.Errorf("--dir: %w", err)
	}
	theme, err := svg.ParseTheme(fl.theme)
	if err != nil {
		return fmt.Errorf("--theme: %w", err)
	}
	lang, err := langFlag(cmd)
	if err != nil {
		return err
	}
	warnChinesePNG(cmd.ErrOrStderr(), lang, format.Name)
	keep, ro, err := drawingSetup(cmd.ErrOrStderr(), fl.conns, fl.filter, fl.rulesFile, fl.overrides, checks, fl.input)
	if err != nil {
		return err
	}
	file, convs := pcaplint.ReadGraphs(context.Background(), path, keep, fl.gap, ro)
	inputErr := inputErrors(cmd.ErrOrStderr(), &report.Report{Files: []report.File{file}}, lang)
	if len(convs) == 0 {
		return noneDrawn(inputErr, fl.conns, fl.filter)
	}
	out := drawing.Output{Path: fl.output, Stdout: cmd.OutOrStdout(), Stderr: cmd.ErrOrStderr(), Terminal: cli.StdoutIsTerminal()}
	opts := graph.Options{Kind: kind, Theme: theme, Dirs: dirs, Lang: lang}
	if err := drawing.WriteGraphs(out, format, convs, file.Findings, opts, drawing.Options{MaxPixels: fl.maxPixels}); err != nil {
		return err
	}
	return inputErr
}
