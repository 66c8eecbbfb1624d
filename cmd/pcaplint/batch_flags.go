package main

import (
	"fmt"

	"github.com/pcaplint/pcaplint/rules/batch"
	"github.com/spf13/cobra"
)

// batchFlags are the lint options for many inputs.
type batchFlags struct {
	jobs                         int
	filters                      batch.Filters
	shard, diagramsDir, diagrams string
	html                         string
	allowEmpty                   bool
}

// addBatchFlags declares the options for many inputs.
func addBatchFlags(cmd *cobra.Command, fl *batchFlags) {
	f := cmd.Flags()
	f.IntVarP(&fl.jobs, "jobs", "j", 0, "inputs read at once (default: the number of CPUs)")
	f.StringArrayVar(&fl.filters.Include, "include", nil, `read only files found under DIR or by a pattern that match this pattern (a name pattern such as '*.pcap', or a path pattern with '/' and '**'; repeatable)`)
	f.StringArrayVar(&fl.filters.Exclude, "exclude", nil, "leave out files found under DIR or by a pattern that match this pattern (listed as skipped; repeatable)")
	f.StringVar(&fl.shard, "shard", "", "read only part K (from 0) of N of the inputs, by a hash of their path: K/N, or auto/N to take K from $JOB_COMPLETION_INDEX")
	f.StringVar(&fl.diagramsDir, "diagrams-dir", "", "write an SVG sequence diagram per connection with findings to DIR/<input>/<n>-<client>-<server>.svg, and its time-sequence graph beside it (.tsg.svg)")
	f.StringVar(&fl.diagrams, "diagrams", "findings", "with --diagrams-dir, draw the connections with findings, or all")
	f.BoolVar(&fl.allowEmpty, "allow-empty", false, "exit 0, not 2, when an input holds no TCP segment or a directory or pattern no capture or log (the report still says so)")
	f.StringVar(&fl.html, "html", "", "also write a self-contained HTML report to this file, showing the diagrams and graphs of --diagrams-dir")
}

// check validates the options before any input is read.
func (fl *batchFlags) check() error {
	if fl.jobs < 0 {
		return fmt.Errorf("-j must be at least 1, not %d", fl.jobs)
	}
	if fl.diagrams != "findings" && fl.diagrams != "all" {
		return fmt.Errorf("--diagrams must be findings or all, not %q", fl.diagrams)
	}
	if err := fl.filters.Check(); err != nil {
		return fmt.Errorf("--include/--exclude: %w", err)
	}
	return nil
}
