package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/pcaplint/pcaplint/internal/cli"
	"github.com/pcaplint/pcaplint/internal/memlimit"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/explain"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/spf13/cobra"
)

func newExplainCmd(checks []*rules.Check) *cobra.Command {
	var format, lang, rulesFile string
	var overrides []string
	var eopts explain.Options
	var opts parse.Options
	cmd := &cobra.Command{
		Use:     "explain FILE|-",
		Short:   "Explain every segment of a capture or tcpdump log in plain words",
		Long:    longHelp("explain"),
		Example: longHelp("explain-examples"),
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			memlimit.Apply()
			if format != "text" && format != "markdown" {
				return fmt.Errorf("--format must be text or markdown, not %q", format)
			}
			l, err := explain.ParseLang(lang)
			if err != nil {
				return fmt.Errorf("--lang: %w", err)
			}
			if eopts.Config, err = loadRules(cmd.ErrOrStderr(), rulesFile, overrides, checks); err != nil {
				return err
			}
			eopts.Lang, eopts.Markdown = l, format == "markdown"
			eopts.Checks, eopts.MaxConns = checks, maxConns
			return runExplain(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), args[0], opts, eopts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&format, "format", "f", "text", "output format: text or markdown")
	f.StringVar(&lang, "lang", "en", "language of the explanations: en or zh")
	f.IntVar(&eopts.Conn, "conn", 0, "explain only the connection with this ID (as pcaplint conns numbers them)")
	f.StringVar(&eopts.Diagram, "diagram", "", "with --format markdown: link this diagram image at the top")
	addRulesFlags(f, &rulesFile, &overrides, "whose findings are explained")
	addInputFlags(cmd, &opts, "absolute")
	return cmd
}

// runExplain explains one input, segment by segment as it is read,
// until ctx is done or an interrupt comes.
func runExplain(ctx context.Context, w, errw io.Writer, path string, opts parse.Options, eopts explain.Options) error {
	if eopts.Diagram != "" && !eopts.Markdown {
		return errors.New("--diagram needs --format markdown")
	}
	eopts.Title, eopts.Location = path, time.Local
	eopts.OnSegment = func(src parse.Source) { cli.FlushWhenIdle(w, src) }
	// An interrupt stops the reading of a file at the next batch, and the
	// summaries of what was read follow; a live input is read to its end,
	// as its writer is usually stopped by the same Ctrl-C. A second
	// interrupt stops pcaplint at once.
	ctx, stop := signal.NotifyContext(cmp.Or(ctx, context.Background()), os.Interrupt, syscall.SIGTERM)
	defer stop()
	defer context.AfterFunc(ctx, stop)()
	read := ctx
	if parse.IsLive(path) {
		read = context.Background()
	}
	res, err := explain.File(read, w, path, opts, eopts)
	if err != nil {
		return err
	}
	if errors.Is(res.Err, context.Canceled) {
		return fmt.Errorf("%s: interrupted after %d packets: the explanation and its summaries stop there", path, res.Stats.Records)
	}
	file := report.File{Path: path, Err: res.Err, Stats: res.Stats}
	if err := inputErrors(errw, &report.Report{Files: []report.File{file}}, rules.Lang(eopts.Lang)); err != nil {
		return err
	}
	if eopts.Conn > res.ConnCount {
		return fmt.Errorf("--conn %d: no such connection (the input has %d)", eopts.Conn, res.ConnCount)
	}
	return nil
}
