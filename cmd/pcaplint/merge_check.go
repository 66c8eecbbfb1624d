package main

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/pcaplint/pcaplint/render/report"
)

// shardReport is one JSON report given to merge, and its file name.
type shardReport struct {
	name string
	doc  *report.JSONReport
}

// mergeReports joins the reports into one, in path order, and says what
// is wrong with the set: shards missing or given twice, reports of
// different splits, an input in two reports, inputs a shard listed but
// did not report, or reported but did not list. An input found twice is
// kept once; a shard given twice is taken once. The inputs a report says
// an interruption left unread stay unread, and the merged report
// incomplete.
func mergeReports(reps []shardReport) (*report.JSONReport, []error) {
	var problems []error
	out := &report.JSONReport{Files: []report.JSONLintFile{}}
	taken := takeShards(reps, &problems)
	where := map[string]string{} // input path -> report name
	claim := func(path, name string) bool {
		if first, dup := where[path]; dup {
			problems = append(problems, fmt.Errorf("%s is in both %s and %s; keeping the first", path, first, name))
			return false
		}
		where[path] = name
		return true
	}
	for _, r := range taken {
		own := shardOwns(r, &problems)
		for _, f := range r.doc.Files {
			if own(f.Path) && claim(f.Path, r.name) {
				out.Files = append(out.Files, f)
			}
		}
		for _, s := range r.doc.Skipped {
			if own(s.Path) && claim(s.Path, r.name) {
				out.Skipped = append(out.Skipped, s)
			}
		}
		for _, u := range r.doc.Unread {
			if own(u.Path) && claim(u.Path, r.name) {
				out.Unread = append(out.Unread, u) // the merged report is incomplete too
			}
		}
		if sh := r.doc.Shard; sh != nil {
			unreported := 0
			for _, in := range sh.Inputs {
				if where[in] == "" {
					unreported++
				}
			}
			if unreported > 0 {
				problems = append(problems, fmt.Errorf("%s: %d of the %d inputs of shard %d/%d are not in the report (was it interrupted?)", r.name, unreported, len(sh.Inputs), sh.K, sh.N))
			}
		}
	}
	slices.SortStableFunc(out.Files, func(a, b report.JSONLintFile) int { return cmp.Compare(a.Path, b.Path) })
	slices.SortStableFunc(out.Skipped, func(a, b report.JSONSkip) int { return cmp.Compare(a.Path, b.Path) })
	slices.SortStableFunc(out.Unread, func(a, b report.JSONSkip) int { return cmp.Compare(a.Path, b.Path) })
	out.Incomplete = len(out.Unread) > 0
	out.Summarize()
	return out, problems
}

// shardOwns returns whether a path is one of the inputs r's shard record
// lists (any path, for an unsharded report); a path that is not is a
// problem, and left out: a shard reports only the inputs it was given.
func shardOwns(r shardReport, problems *[]error) func(string) bool {
	sh := r.doc.Shard
	if sh == nil {
		return func(string) bool { return true }
	}
	inputs := make(map[string]bool, len(sh.Inputs))
	for _, in := range sh.Inputs {
		inputs[in] = true
	}
	return func(path string) bool {
		if !inputs[path] {
			*problems = append(*problems, fmt.Errorf("%s: %s is not among the inputs of shard %d/%d; leaving it out", r.name, path, sh.K, sh.N))
		}
		return inputs[path]
	}
}

// takeShards checks the shard records of the reports and returns those to
// merge: every report when none is sharded, else one per shard K of a
// single N.
func takeShards(reps []shardReport, problems *[]error) []shardReport {
	var n int
	var nFrom string
	byK := map[int]string{}
	var out []shardReport
	for _, r := range reps {
		sh := r.doc.Shard
		switch {
		case sh == nil && n > 0, sh != nil && n == 0 && len(out) > 0:
			*problems = append(*problems, fmt.Errorf("%s and %s: a sharded and an unsharded report cannot be merged; leaving out %s", out[0].name, r.name, r.name))
			continue
		case sh == nil:
			out = append(out, r)
			continue
		case n == 0:
			n, nFrom = sh.N, r.name
		case sh.N != n:
			*problems = append(*problems, fmt.Errorf("%s is shard %d/%d but %s is of %d shards; leaving out %s", r.name, sh.K, sh.N, nFrom, n, r.name))
			continue
		}
		if first, dup := byK[sh.K]; dup {
			*problems = append(*problems, fmt.Errorf("shard %d/%d is given twice, %s and %s; keeping the first", sh.K, n, first, r.name))
			continue
		}
		byK[sh.K] = r.name
		out = append(out, r)
	}
	for k := range n {
		if _, ok := byK[k]; !ok {
			*problems = append(*problems, fmt.Errorf("shard %d/%d is missing", k, n))
		}
	}
	return out
}
