package report

import (
	"cmp"
	"fmt"
	"slices"
)

// NamedJSON is one JSON report given to Merge, and the name of its file.
type NamedJSON struct {
	Name string
	Doc  *JSONReport
}

// Merge joins the JSON reports of lint shards into one, in path order, and
// says what is wrong with the set: shards missing or given twice, reports
// of different splits, an input in two reports, inputs a shard listed but
// did not report, or reported but did not list. An input found twice is
// kept once; a shard given twice is taken once. The inputs a report says
// an interruption left unread stay unread, and the merged report
// incomplete.
func Merge(reps []NamedJSON) (*JSONReport, []error) {
	var problems []error
	out := &JSONReport{Files: []JSONLintFile{}}
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
		for _, f := range r.Doc.Files {
			if own(f.Path) && claim(f.Path, r.Name) {
				out.Files = append(out.Files, f)
			}
		}
		for _, s := range r.Doc.Skipped {
			if own(s.Path) && claim(s.Path, r.Name) {
				out.Skipped = append(out.Skipped, s)
			}
		}
		for _, u := range r.Doc.Unread {
			if own(u.Path) && claim(u.Path, r.Name) {
				out.Unread = append(out.Unread, u) // the merged report is incomplete too
			}
		}
		if sh := r.Doc.Shard; sh != nil {
			unreported := 0
			for _, in := range sh.Inputs {
				if where[in] == "" {
					unreported++
				}
			}
			if unreported > 0 {
				problems = append(problems, fmt.Errorf("%s: %d of the %d inputs of shard %d/%d are not in the report (was it interrupted?)", r.Name, unreported, len(sh.Inputs), sh.K, sh.N))
			}
		}
	}
	slices.SortStableFunc(out.Files, func(a, b JSONLintFile) int { return cmp.Compare(a.Path, b.Path) })
	slices.SortStableFunc(out.Skipped, func(a, b JSONSkip) int { return cmp.Compare(a.Path, b.Path) })
	slices.SortStableFunc(out.Unread, func(a, b JSONSkip) int { return cmp.Compare(a.Path, b.Path) })
	out.Incomplete = len(out.Unread) > 0
	out.Summarize()
	return out, problems
}

// shardOwns returns whether a path is one of the inputs r's shard record
// lists (any path, for an unsharded report); a path that is not is a
// problem, and left out: a shard reports only the inputs it was given.
func shardOwns(r NamedJSON, problems *[]error) func(string) bool {
	sh := r.Doc.Shard
	if sh == nil {
		return func(string) bool { return true }
	}
	inputs := make(map[string]bool, len(sh.Inputs))
	for _, in := range sh.Inputs {
		inputs[in] = true
	}
	return func(path string) bool {
		if !inputs[path] {
			*problems = append(*problems, fmt.Errorf("%s: %s is not among the inputs of shard %d/%d; leaving it out", r.Name, path, sh.K, sh.N))
		}
		return inputs[path]
	}
}

// takeShards checks the shard records of the reports and returns those to
// merge: every report when none is sharded, else one per shard K of a
// single N.
func takeShards(reps []NamedJSON, problems *[]error) []NamedJSON {
	var n int
	var nFrom string
	byK := map[int]string{}
	var out []NamedJSON
	for _, r := range reps {
		sh := r.Doc.Shard
		switch {
		case sh == nil && n > 0, sh != nil && n == 0 && len(out) > 0:
			*problems = append(*problems, fmt.Errorf("%s and %s: a sharded and an unsharded report cannot be merged; leaving out %s", out[0].Name, r.Name, r.Name))
			continue
		case sh == nil:
			out = append(out, r)
			continue
		case n == 0:
			n, nFrom = sh.N, r.Name
		case sh.N != n:
			*problems = append(*problems, fmt.Errorf("%s is shard %d/%d but %s is of %d shards; leaving out %s", r.Name, sh.K, sh.N, nFrom, n, r.Name))
			continue
		}
		if first, dup := byK[sh.K]; dup {
			*problems = append(*problems, fmt.Errorf("shard %d/%d is given twice, %s and %s; keeping the first", sh.K, n, first, r.Name))
			continue
		}
		byK[sh.K] = r.Name
		out = append(out, r)
	}
	for k := range n {
		if _, ok := byK[k]; !ok {
			*problems = append(*problems, fmt.Errorf("shard %d/%d is missing", k, n))
		}
	}
	return out
}

// ReadJSONFiles reads the JSON reports of lint named by names with read
// (which bounds what it reads), for Merge; the first that cannot be read
// or is not a report is the error.
func ReadJSONFiles(names []string, read func(string) ([]byte, error)) ([]NamedJSON, error) {
	var reps []NamedJSON
	for _, name := range names {
		b, err := read(name)
		if err != nil {
			return nil, err
		}
		doc, err := ParseJSON(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		reps = append(reps, NamedJSON{Name: name, Doc: doc})
	}
	return reps, nil
}
