package main

import (
	"fmt"
	"io"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/internal/cli"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// maxConns is --max-conns: the cap on live connections of one input, over
// all its trackers (pipeline.Options.MaxConns).
var maxConns = rules.DefaultMaxConns

// addInputFlags declares the flags that tune how inputs are read, the same
// on every command: --strict, -S/--absolute-input, --strip-prefix and
// --max-conns. oldAbsolute is the command's former spelling of -S, kept as
// a hidden alias that warns ("" for none).
func addInputFlags(cmd *cobra.Command, opts *parse.Options, oldAbsolute string) {
	f := cmd.Flags()
	f.BoolVar(&opts.Strict, "strict", false, "treat malformed tcpdump text lines as errors")
	f.BoolVarP(&opts.Absolute, "absolute-input", "S", false, "tcpdump text was printed with -S (absolute sequence numbers)")
	if oldAbsolute != "" { // a command newer than the old spelling has none
		f.BoolVar(&opts.Absolute, oldAbsolute, false, "deprecated spelling of --absolute-input")
		_ = f.MarkHidden(oldAbsolute)
		cli.Deprecate(cmd, oldAbsolute, "-S/--absolute-input")
	}
	addPrefixFlag(cmd, opts)
	f.IntVar(&maxConns, "max-conns", rules.DefaultMaxConns, "keep at most `N` live connections per input; beyond, the least recently seen is evicted (conn-table-full)")
}

// inputErrors prints every input's problems on w, in language l
// (report.InputProblems), and returns exit code 2 when an input could not
// be read whole.
func inputErrors(w io.Writer, rep *report.Report, l rules.Lang) error {
	text, failed := report.InputProblems(rep, l)
	fmt.Fprint(w, text)
	if failed {
		return exitCode(exitError)
	}
	return nil
}

// loadRules is the rule set of --rules and --rule (pcaplint.LoadRules)
// for lint, diagram, graph and explain alike. Its problems are printed
// on w one a line, a rule file's each as FILE:LINE:COL: MESSAGE for
// editors to read, and end the command with exit code 2.
func loadRules(w io.Writer, name string, overrides []string, checks []*rules.Check) (*rules.Config, error) {
	cfg, err := pcaplint.LoadRules(name, overrides, checks)
	if err != nil {
		fmt.Fprintln(w, err)
		return nil, exitCode(exitError)
	}
	return cfg, nil
}

// addRulesFlags declares --rules and --rule on a command that shows the
// findings of a rule set (diagram, graph, explain) as lint picks it;
// whose says what becomes of the findings.
func addRulesFlags(f *pflag.FlagSet, name *string, overrides *[]string, whose string) {
	f.StringVar(name, "rules", "", "rule file, or a built-in set: default, strict, minimal, "+whose+" (default: the nearest .pcaplint.yaml, else default)")
	f.StringArrayVar(overrides, "rule", nil, "override a rule's severity, ID=off|info|warning|error (repeatable)")
}
