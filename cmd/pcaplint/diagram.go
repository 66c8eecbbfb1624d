package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/internal/cli"
	"io"
	"time"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/png"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/pipeline"
	"github.com/spf13/cobra"
)

// diagramFlags are the diagram command's options; rulesFile and
// overrides pick the rule set whose findings are drawn.
type diagramFlags struct {
	output, format, filter, time, theme, rulesFile string
	conns                                          []int
	merged, absolute                               bool
	gap                                            time.Duration
	maxRows                                        int
	draw                                           drawing.Options
	input                                          parse.Options
	overrides                                      []string
}

func newDiagramCmd(checks []*rules.Check) *cobra.Command {
	var fl diagramFlags
	cmd := &cobra.Command{
		Use:     "diagram FILE",
		Short:   "Draw TCP connections as sequence diagrams",
		Long:    longHelp("diagram"),
		Example: longHelp("diagram-examples"),
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDiagram(cmd, args[0], &fl, checks)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&fl.output, "output", "o", "", "output file, or directory (ending in /) for one file per connection")
	addRulesFlags(f, &fl.rulesFile, &fl.overrides, "whose findings are drawn, each in its severity's colour")
	f.StringVarP(&fl.format, "format", "f", "", drawing.Diagrams.List()+" (default: from -o's extension, else svg)")
	f.IntSliceVar(&fl.conns, "conn", nil, "draw only the connections with these IDs (as pcaplint conns numbers them)")
	f.StringVar(&fl.filter, "filter", "", "draw only connections in this scope, as rule files write them: 'port N', 'host H', 'net CIDR', joined by 'and'")
	f.BoolVar(&fl.merged, "merged", false, "draw all connections in one diagram, one lifeline per endpoint")
	f.BoolVar(&fl.absolute, "absolute", false, "label arrows with raw sequence numbers instead of relative ones (how the input was printed is -S)")
	f.StringVar(&fl.time, "time", "rel", "time column: rel (ms since the first segment) or abs (time of day)")
	f.DurationVar(&fl.gap, "gap", diagram.DefaultGap, "idle time drawn as a break (0: never)")
	f.IntVar(&fl.maxRows, "max-rows", diagram.DefaultMaxRows, "fold steady runs beyond this many rows (0: never)")
	f.IntVar(&fl.draw.MaxItems, "max-elements", diagram.DefaultMaxItems, "refuse to draw an SVG, PNG or DOT diagram of more elements (lines, arrows, texts) than this (-1: no limit)")
	f.Int64Var(&fl.draw.MaxPixels, "max-pixels", png.DefaultMaxPixels, "refuse to draw a PNG of more pixels than this (-1: no limit)")
	f.IntVar(&fl.draw.Page, "page", 0, "split each diagram into pages of N rows, one file a page (-o out.svg writes out-1.svg, out-2.svg, …); svg, png and dot")
	f.StringVar(&fl.theme, "theme", "auto", "light, dark, or auto (follows the viewer's colour scheme)")
	f.String("lang", "en", "language of the caption, roles, breaks and legend, and of the findings' messages: en or zh")
	addInputFlags(cmd, &fl.input, "input-absolute")
	return cmd
}

func runDiagram(cmd *cobra.Command, path string, fl *diagramFlags, checks []*rules.Check) error {
	fl.output = cli.OutputPath(fl.output)
	format, err := drawing.Diagrams.Choose(fl.format, fl.output)
	if err != nil {
		return err
	}
	if fl.draw.Theme, err = svg.ParseTheme(fl.theme); err != nil {
		return fmt.Errorf("--theme: %w", err)
	}
	if fl.time != "rel" && fl.time != "abs" {
		return fmt.Errorf("--time must be rel or abs, not %q", fl.time)
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
	file, convs := pcaplint.ReadDiagrams(context.Background(), path, keep, ro)
	// An input broken part-way is still drawn up to the break; the exit
	// code says it was broken.
	inputErr := inputErrors(cmd.ErrOrStderr(), &report.Report{Files: []report.File{file}}, lang)
	if len(convs) == 0 {
		return noneDrawn(inputErr, fl.conns, fl.filter)
	}
	opts := diagram.Options{Absolute: fl.absolute, Gap: cli.OrNever(fl.gap), MaxRows: cli.OrNever(fl.maxRows), Lang: lang}
	if fl.draw.Page < 0 {
		return fmt.Errorf("--page must be a number of rows, not %d", fl.draw.Page)
	}
	fl.draw.Layout = diagram.LayoutOptions{AbsTime: fl.time == "abs"}
	out := drawing.Output{Path: fl.output, Stdout: cmd.OutOrStdout(), Stderr: cmd.ErrOrStderr(), Terminal: cli.StdoutIsTerminal()}
	if err := drawing.WriteDiagrams(out, format, diagram.Groups(convs, fl.merged), opts, fl.draw); err != nil {
		return err
	}
	return inputErr
}

// drawingSetup is what diagram and graph share: which connections to
// draw (--conn, --filter) and how the input is read, with the checks
// whose findings they mark (--rules, --rule).
func drawingSetup(stderr io.Writer, ids []int, filter, rulesFile string, overrides []string, checks []*rules.Check, input parse.Options) (func(*rules.Conn) bool, pcaplint.ReadOptions, error) {
	keep, err := drawing.Select(ids, filter, stderr)
	if err != nil {
		return nil, pcaplint.ReadOptions{}, err
	}
	cfg, err := loadRules(stderr, rulesFile, overrides, checks)
	return keep, pcaplint.ReadOptions{Options: pipeline.Options{Input: input, MaxConns: maxConns, Checks: checks, Config: cfg}}, err
}

// noneDrawn is the error of a diagram or graph with no connection to
// draw: the input's, else that --conn and --filter matched none, else that
// the input had none.
func noneDrawn(inputErr error, ids []int, filter string) error {
	switch {
	case inputErr != nil:
		return inputErr
	case len(ids) > 0 || filter != "":
		return errors.New("no TCP connection matches --conn or --filter; pcaplint conns FILE lists them")
	}
	return errors.New("no TCP connections in the input (is it TCP traffic? pcaplint conns FILE counts what was read)")
}
