package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/pipeline"
	"github.com/pcaplint/pcaplint/rules/ruleset"
	"github.com/spf13/cobra"
)

// lintFlags are the options of pcaplint lint.
type lintFlags struct {
	format, failOn, rulesFile string
	baseline, writeBaseline   string
	maxJSONMiB                int
	overrides                 []string
	input                     parse.Options
	batch                     batchFlags
}

func newLintCmd(checks []*rules.Check) *cobra.Command {
	var fl lintFlags
	cmd := &cobra.Command{
		Use:   "lint FILE|DIR|-...",
		Short: "Check TCP conversations against a rule set and report findings",
		Long: `lint follows every TCP connection of captures or tcpdump logs, runs the
checks and custom rules of a rule set over them in one pass, and reports
what they find. FILE is a pcap or pcapng capture (gzip-compressed or not) or
tcpdump text, recognised by content; DIR stands for every file under it and
a pattern (quoted, "**" for any depth) for the files it matches, where
files that are not captures or logs are listed as skipped; - reads
standard input. Inputs are read in parallel (-j) and reported in path
order; --shard splits them between machines, and pcaplint merge joins
the JSON reports.

The rule set is --rules FILE (or a built-in set: default, strict, minimal),
else the nearest .pcaplint.yaml in the current directory or a parent, else
the default set. --rule ID=severity overrides one rule, and may be repeated.

From a pipe (tcpdump -l | pcaplint lint -), the text and github formats
print each finding as soon as it is certain, rather than at the end.

--write-baseline FILE records the current findings; --baseline FILE then
reports and fails on new findings only (keyed by input path, client
address, server address and port, rule ID, and the message with its
numbers masked; not by line number).

Exit status: 0 when nothing is at or above --fail-on, 1 when something is,
2 for usage, rule-file or input errors (the report still covers what was
read), and when nothing could be checked: an input without TCP segments
or a directory or pattern without captures or logs (both accepted with
--allow-empty), or a log without TCP flags (tcpdump -q).`,
		Example: `  pcaplint lint capture.pcap
  pcaplint lint --format sarif --fail-on error captures/ > pcaplint.sarif
  pcaplint lint --lang zh capture.pcap
  pcaplint lint --write-baseline pcaplint-baseline.json logs/
  pcaplint lint --baseline pcaplint-baseline.json logs/
  tcpdump -l -n -i lo port 8080 | pcaplint lint --rule retransmission=warning -
  pcaplint lint -j 8 --include '*.pcap*' --diagrams-dir out --html out/index.html captures/
  pcaplint lint --shard auto/8 --format json 'captures/**/*.pcapng' > shard.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			setMemoryLimit()
			return lint(cmd, checks, &fl, args)
		},
	}
	f := cmd.Flags()
	addReportFlags(f, &fl.format, &fl.failOn)
	f.StringVar(&fl.rulesFile, "rules", "", "rule file, or a built-in set: default, strict, minimal (default: the nearest "+ruleset.FileName+")")
	f.StringArrayVar(&fl.overrides, "rule", nil, "override a rule's severity: ID=error|warning|info|off (repeatable)")
	f.StringVar(&fl.baseline, "baseline", "", "fail only on findings not recorded in this baseline file")
	f.StringVar(&fl.writeBaseline, "write-baseline", "", "record the current findings in this baseline file (JSON) and exit 0")
	f.String("lang", "en", "language of the report, the --html page and the --diagrams-dir drawings: en or zh (JSON keeps message in English and adds message_localized)")
	addMaxJSONFlag(f, &fl.maxJSONMiB)
	addInputFlags(cmd, &fl.input, "absolute")
	addBatchFlags(cmd, &fl.batch)
	return cmd
}

// lint runs the lint command: everything that can be wrong with the flags
// and the rule set is reported before any input is read.
func lint(cmd *cobra.Command, checks []*rules.Check, fl *lintFlags, args []string) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	printer, failOn, err := newPrinter(cmd, fl.format, fl.failOn, stdout, checks)
	if err != nil {
		return err
	}
	cfg, err := loadRules(fl.rulesFile, fl.overrides, checks)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitCode(exitError)
	}
	fl.input.Checksums = needsChecksums(cfg, checks)
	return lintInputs(cmd, checks, cfg, fl, args, printer, failOn)
}

// lintKeeps is what lint keeps of each connection for the format: JSON
// prints them whole, JUnit names them (both spooled, see
// pcaplint.ReadOptions), the other formats only count them.
func lintKeeps(format string, opts parse.Options) pcaplint.ReadOptions {
	ro := pcaplint.ReadOptions{Options: pipeline.Options{Input: opts, Keep: pipeline.KeepCount, MaxConns: maxConns}}
	switch format {
	case "json":
		ro.Spool = true
	case "junit":
		ro.Keep, ro.SpoolBrief = pipeline.KeepRefs, true
	}
	return ro
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
		return ruleset.LoadFound(found, checks)
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
