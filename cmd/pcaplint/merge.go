package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/spf13/cobra"
)

// mergeFlags are the options of pcaplint merge.
type mergeFlags struct {
	format, failOn, color, html, diagramsDir string
	allowEmpty                               bool
	maxJSONMiB                               int
}

func newMergeCmd(checks []*rules.Check) *cobra.Command {
	var fl mergeFlags
	cmd := &cobra.Command{
		Use:   "merge REPORT.json...",
		Short: "Join the JSON reports of lint shards into one report",
		Long: `merge reads the JSON reports of pcaplint lint --format json (typically one
per --shard K/N, from the pods of a Kubernetes Indexed Job or the jobs of a
CI matrix) and prints them as one report in any format, with the files in
path order.

Each sharded report records its shard and the inputs that fell into it, so
merge says when a shard is missing or given twice, when reports come from
different splits, when an input is in two reports, and when a shard did
not report all its inputs; any of these makes the exit status 2.

--lang zh writes the report in Chinese as lint --lang zh does; the
findings' messages are in Chinese when the shards were linted with
--lang zh (their JSON holds message_localized beside message), in
English otherwise.

Exit status: 0 when nothing is at or above --fail-on, 1 when something is,
2 for the problems above, unreadable reports, inputs that could not be
read, or inputs of which nothing could be checked (those without TCP
are accepted with --allow-empty, as lint accepts them).`,
		Example: `  pcaplint merge shard-*.json
  pcaplint merge --lang zh --format markdown shard-*.json   # shards linted with --lang zh --format json
  pcaplint merge --format sarif --html site/index.html --diagrams-dir site/diagrams shard-*.json > pcaplint.sarif`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMerge(cmd, checks, &fl, args)
		},
	}
	f := cmd.Flags()
	addReportFlags(f, &fl.format, &fl.failOn)
	f.StringVar(&fl.html, "html", "", "also write a self-contained HTML report to this file")
	f.StringVar(&fl.diagramsDir, "diagrams-dir", "", "where the shards wrote their --diagrams-dir, for the HTML report to link")
	f.BoolVar(&fl.allowEmpty, "allow-empty", false, "exit 0, not 2, for inputs that hold no TCP segment (the report still says so)")
	f.String("lang", "en", "language of the report: en or zh (the findings' messages are in Chinese when the shards were linted with --lang zh)")
	addMaxJSONFlag(f, &fl.maxJSONMiB)
	return cmd
}

func runMerge(cmd *cobra.Command, checks []*rules.Check, fl *mergeFlags, names []string) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	printer, failOn, err := newPrinter(cmd, fl.format, fl.failOn, stdout, checks)
	if err != nil {
		return err
	}
	var reps []report.NamedJSON
	for _, name := range names {
		doc, err := readJSONReport(name, fl.maxJSONMiB)
		if err != nil {
			return err
		}
		reps = append(reps, report.NamedJSON{Name: name, Doc: doc})
	}
	merged, problems := report.Merge(reps)
	rep, err := merged.Report()
	if err != nil {
		return err
	}
	if fl.format == "json" {
		err = merged.Write(stdout)
	} else {
		err = printBatch(stdout, printer, rep)
	}
	if err != nil {
		return err
	}
	lang, _ := langFlag(cmd) // checked by newPrinter
	if fl.html != "" {
		diagrams, graphs := drawnDiagrams(fl.diagramsDir, rep)
		if err := writeHTML(fl.html, rep, fl.diagramsDir, diagrams, graphs, lang); err != nil {
			problems = append(problems, err)
		}
	}
	res := &batchResult{rep: rep, errs: problems, allowEmpty: fl.allowEmpty, lang: lang}
	return res.exit(stderr, failOn)
}

// readJSONReport reads one report of lint --format json, at most maxMiB
// MiB of it.
func readJSONReport(name string, maxMiB int) (*report.JSONReport, error) {
	b, err := readJSONFile(name, maxMiB)
	if err != nil {
		return nil, err
	}
	doc, err := report.ParseJSON(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return doc, nil
}

// drawnDiagrams finds the diagrams and time-sequence graphs the shards
// wrote under dir, where diagramSink puts them, for the connections of
// rep.
func drawnDiagrams(dir string, rep *report.Report) (diagrams, graphs map[string]map[int]string) {
	if dir == "" {
		return nil, nil
	}
	diagrams, graphs = map[string]map[int]string{}, map[string]map[int]string{}
	for _, f := range rep.Files {
		for _, c := range f.Conns {
			found(dir, diagrams, f.Path, c.ID, fileName([]*diagram.Conversation{{Conn: c}}, ".svg"))
			found(dir, graphs, f.Path, c.ID, graphName(c))
		}
	}
	return diagrams, graphs
}

// found notes in out the file name of connection id of input when the
// sink wrote it under dir.
func found(dir string, out map[string]map[int]string, input string, id int, name string) {
	rel := path.Join(append(safePath(input), name)...)
	st, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil || !st.Mode().IsRegular() {
		return
	}
	if out[input] == nil {
		out[input] = map[int]string{}
	}
	out[input][id] = rel
}
