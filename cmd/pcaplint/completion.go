package main

import (
	"strings"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/internal/cli"
	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/ruleset"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagValues are the fixed values of flags, by command name ("" for every
// command), for shell completion.
var flagValues = map[string]map[string][]string{
	"": {
		"color":   {"auto", "always", "never"},
		"fail-on": rules.FailOnNames(),
		"rules":   ruleset.BuiltinNames,
		"lang":    {"en", "zh"},
		"theme":   {"auto", "light", "dark"},
		"time":    {"rel", "abs"},
	},
	"lint":    {"format": report.Formats},
	"conns":   {"format": {"table", "json"}},
	"explain": {"format": {"text", "markdown"}},
	"diagram": {"format": drawing.Diagrams.Names()},
	"graph":   {"format": drawing.Graphs.Names(), "kind": graph.Kinds, "dir": graph.DirNames},
}

// addCompletionCmd adds `pcaplint completion bash|zsh|fish|powershell`,
// which writes to the root's output as set when it is called; another
// shell is a usage error.
func addCompletionCmd(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Use, c.Args, c.RunE = "completion SHELL", cobra.ArbitraryArgs, cli.ShellsOnly // tcsh: exit 2, naming the shells
			c.Example = `  source <(pcaplint completion bash)                  # bash, this shell
  pcaplint completion zsh > "${fpath[1]}/_pcaplint"   # zsh
  pcaplint completion fish > ~/.config/fish/completions/pcaplint.fish
  pcaplint completion powershell | Out-String | Invoke-Expression`
		}
	}
}

// addCompletion teaches shell completion the values of pcaplint's flags:
// rule IDs and severities after --rule, formats after --format, and so on.
func addCompletion(root *cobra.Command, checks []*rules.Check) {
	_ = root.RegisterFlagCompletionFunc("color", fixed(flagValues[""]["color"]))
	walk(root, func(c *cobra.Command) {
		c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "rule" {
				_ = c.RegisterFlagCompletionFunc("rule", completeRule(checks))
				return
			}
			vals, ok := flagValues[c.Name()][f.Name]
			if !ok {
				vals, ok = flagValues[""][f.Name]
			}
			switch {
			case f.Name == "rules": // a built-in set, or a file
				_ = c.RegisterFlagCompletionFunc(f.Name, cobra.FixedCompletions(vals, cobra.ShellCompDirectiveDefault))
			case ok:
				_ = c.RegisterFlagCompletionFunc(f.Name, fixed(vals))
			}
		})
	})
}

// walk calls fn on cmd and every command below it.
func walk(cmd *cobra.Command, fn func(*cobra.Command)) {
	fn(cmd)
	for _, c := range cmd.Commands() {
		walk(c, fn)
	}
}

// fixed completes one of vals.
func fixed(vals []string) cobra.CompletionFunc {
	return cobra.FixedCompletions(vals, cobra.ShellCompDirectiveNoFileComp)
}

// completeRule completes --rule ID=severity: first the check IDs (with
// their titles as descriptions), then, after the =, the severities.
func completeRule(checks []*rules.Check) cobra.CompletionFunc {
	return func(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if id, _, ok := strings.Cut(toComplete, "="); ok {
			out := make([]string, len(rules.SeverityNames()))
			for i, s := range rules.SeverityNames() {
				out[i] = id + "=" + s
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, c := range checks {
			if strings.HasPrefix(c.ID, toComplete) {
				out = append(out, c.ID+"=\t"+c.Title)
			}
		}
		// The custom rules of the rule set the command would use.
		name, _ := cmd.Flags().GetString("rules")
		if cfg, err := pcaplint.LoadRules(name, nil, checks); err == nil {
			for _, r := range cfg.Custom {
				if strings.HasPrefix(r.ID, toComplete) {
					out = append(out, r.ID+"=\tcustom rule")
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}
