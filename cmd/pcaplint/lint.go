package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/ruleset"
	"github.com/spf13/cobra"
)

// lintFlags are the options of pcaplint lint.
type lintFlags struct {
	format, failOn, rulesFile, color string
	overrides                        []string
	input                            parse.Options
}

func newLintCmd(checks []*rules.Check) *cobra.Command {
	var fl lintFlags
	cmd := &cobra.Command{
		Use:   "lint FILE|DIR|-...",
		Short: "Check TCP conversations against a rule set and report findings",
		Long: `lint follows every TCP connection of captures or tcpdump logs, runs the
checks and custom rules of a rule set over them in one pass, and reports
what they find. FILE is a pcap or pcapng capture (gzip-compressed or not) or
tcpdump text, recognised by content; DIR stands for the files directly in it;
- reads standard input.

The rule set is --rules FILE (or a built-in set: default, strict, minimal),
else the nearest .pcaplint.yaml in the current directory or a parent, else
the default set. --rule ID=severity overrides one rule, and may be repeated.

Exit status: 0 when nothing is at or above --fail-on, 1 when something is,
2 for usage, rule-file or input errors (the report still covers what was
read).`,
		Example: `  pcaplint lint capture.pcap
  pcaplint lint --format sarif --fail-on error captures/ > pcaplint.sarif
  tcpdump -l -n -i lo port 8080 | pcaplint lint --rule retransmission=warning -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return lint(cmd, checks, &fl, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&fl.format, "format", "f", "text", "output format: "+strings.Join(report.Formats, ", "))
	f.StringVar(&fl.failOn, "fail-on", "warning", "exit 1 on findings at or above: error, warning, info or never")
	f.StringVar(&fl.rulesFile, "rules", "", "rule file, or a built-in set: default, strict, minimal (default: the nearest "+ruleset.FileName+")")
	f.StringArrayVar(&fl.overrides, "rule", nil, "override a rule's severity: ID=error|warning|info|off (repeatable)")
	f.StringVar(&fl.color, "color", "auto", "colour the text format: auto (on a terminal, unless NO_COLOR is set), always or never")
	addInputFlags(cmd, &fl.input)
	return cmd
}

// lint runs the lint command: everything that can be wrong with the flags
// and the rule set is reported before any input is read.
func lint(cmd *cobra.Command, checks []*rules.Check, fl *lintFlags, args []string) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	failOn, err := parseFailOn(fl.failOn)
	if err != nil {
		return err
	}
	color, err := useColor(fl.color, stdout)
	if err != nil {
		return err
	}
	printer, err := report.New(fl.format, report.Options{Color: color, FailOn: failOn, Checks: checks, Version: version()})
	if err != nil {
		return fmt.Errorf("--format: %w", err)
	}
	cfg, err := loadRules(fl.rulesFile, fl.overrides, checks)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitCode(exitError)
	}
	fl.input.Checksums = needsChecksums(cfg, checks)
	inputs, err := expandInputs(args)
	if err != nil {
		return err
	}
	rep := &report.Report{}
	var ruleErrs []error
	for _, path := range inputs {
		eng, err := rules.NewEngine(checks, cfg)
		if err != nil {
			return err
		}
		rep.Files = append(rep.Files, readInput(path, fl.input, eng))
		ruleErrs = append(ruleErrs, eng.Errors...)
	}
	if err := printer.Print(stdout, rep); err != nil {
		return err
	}
	for _, e := range ruleErrs {
		fmt.Fprintf(stderr, "pcaplint: error: %s\n", report.OneLine(e.Error()))
	}
	if err := inputErrors(stderr, rep); err != nil || len(ruleErrs) > 0 {
		return exitCode(exitError)
	}
	if failOn != rules.Off && worst(rep) >= failOn {
		return exitCode(exitFindings)
	}
	return nil
}

// parseFailOn reads --fail-on; never is Off.
func parseFailOn(s string) (rules.Severity, error) {
	if s == "never" {
		return rules.Off, nil
	}
	sev, err := rules.ParseSeverity(s)
	if err != nil || sev == rules.Off {
		return rules.Off, fmt.Errorf("--fail-on must be error, warning, info or never, not %q", s)
	}
	return sev, nil
}

// loadRules resolves the rule set (--rules), then applies the --rule
// overrides.
func loadRules(rulesFile string, overrides []string, checks []*rules.Check) (*rules.Config, error) {
	cfg, err := baseRules(rulesFile, checks)
	if err != nil {
		return nil, err
	}
	for _, o := range overrides {
		if err := ruleset.Override(cfg, o, checks); err != nil {
			return nil, fmt.Errorf("pcaplint: %w", err)
		}
	}
	return cfg, nil
}

// baseRules is the built-in set or rule file named by --rules (a built-in
// name wins over a file of that name: write ./strict for the file), else
// the nearest rule file, else the default set.
func baseRules(name string, checks []*rules.Check) (*rules.Config, error) {
	if cfg, ok := ruleset.Builtin(name, checks); ok {
		return cfg, nil
	}
	if name == "" {
		found, err := ruleset.Find(".")
		if err != nil {
			return nil, fmt.Errorf("pcaplint: looking for %s: %w", ruleset.FileName, err)
		}
		if found == "" {
			cfg, _ := ruleset.Builtin(ruleset.Default, checks)
			return cfg, nil
		}
		name = found
	}
	if _, err := os.Stat(name); err != nil && !strings.ContainsAny(name, "/.") {
		return nil, fmt.Errorf("pcaplint: --rules %s: not a file, nor a built-in set (%s)%s",
			name, strings.Join(ruleset.BuiltinNames, ", "), ruleset.Suggest(name, ruleset.BuiltinNames))
	}
	return ruleset.Load(name, checks)
}

// worst is the highest severity found in any input.
func worst(rep *report.Report) rules.Severity {
	w := rules.Off
	for _, f := range rep.Files {
		for _, fd := range f.Findings {
			w = max(w, fd.Severity)
		}
	}
	return w
}

// needsChecksums reports whether the bad-checksum check runs, so that the
// capture reader verifies checksums only when something reads them.
func needsChecksums(cfg *rules.Config, checks []*rules.Check) bool {
	if rc, ok := cfg.Rules["bad-checksum"]; ok {
		return rc.Severity != rules.Off
	}
	for _, c := range checks {
		if c.ID == "bad-checksum" {
			return c.Default != rules.Off
		}
	}
	return false
}
