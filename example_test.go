package pcaplint_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/batch"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
	"github.com/pcaplint/pcaplint/rules/ruleset"
)

// Lint as pcaplint lint does, with the same calls: the rule set (--rules,
// --rule), the inputs (files, directories, patterns; --include,
// --exclude, --shard), the reading and judging, the report, what is said
// on standard error and the exit status.
func ExampleLint() {
	ctx := context.Background()
	all := checks.All()
	cfg, err := pcaplint.LoadRules("", nil, all) // the nearest .pcaplint.yaml, else the default set
	if err != nil {
		log.Fatal(err)
	}
	ins, empty, err := pcaplint.Inputs([]string{"testdata/captures/real/rst-abort.txt"}, batch.Filters{}, nil)
	if err != nil {
		log.Fatal(err) // a bad pattern
	}
	p, _ := report.New("text", report.Options{Checks: all})
	res := pcaplint.Lint(ctx, ins, pcaplint.LintOptions{Checks: all, Rules: cfg, Format: "text", Printer: p, Out: os.Stdout})
	defer pcaplint.CloseSpools(res.Report)
	if err := res.Print(); err != nil { // what was not printed as each input was done
		log.Fatal(err)
	}
	text, failed := report.Diagnostics{Errs: res.Errs, Empty: append(empty, res.Unread...)}.Text(res.Report)
	fmt.Fprint(os.Stderr, text)
	fmt.Println("exit 2:", failed, "- exit 1:", res.Fails(rules.Warning))
	// Output:
	// testdata/captures/real/rst-abort.txt:6: warning rst-unexpected: RST from server 127.0.0.1:9102 with 0 bytes unacknowledged from client, 0 from server  127.0.0.1:40200 -> 127.0.0.1:9102
	// 1 finding (0 errors, 1 warning, 0 info) in 1 input, 1 connection
	// exit 2: false - exit 1: true
}

// Lint one input with the default rule set, as pcaplint lint does, on
// several goroutines, keeping only the count of connections.
func ExampleReadFile() {
	cfg, _ := ruleset.Builtin(ruleset.Default, checks.All()) // or ruleset.Load(".pcaplint.yaml", checks.All())
	f, ruleErrs := pcaplint.ReadFile(context.Background(), "testdata/captures/real/rst-abort.txt", pcaplint.ReadOptions{
		Options: pipeline.Options{
			Keep:   pipeline.KeepCount,
			Lanes:  true,
			Checks: checks.All(), Config: cfg,
		},
	})
	if f.Err != nil {
		fmt.Println(f.Err) // a broken input: what came before is still judged
	}
	fmt.Println(len(ruleErrs), "rule errors,", f.ConnCount, "connection")
	for _, fd := range f.Findings {
		fmt.Println(fd.Pos.Line, fd.Severity, fd.Rule)
	}
	// Output:
	// 0 rule errors, 1 connection
	// 6 warning rst-unexpected
}

// Accept the findings of a run, then drop them from the next one's report:
// what is left is new.
func ExampleDropKnown() {
	read := func() *report.Report {
		f, _ := pcaplint.ReadFile(context.Background(), "testdata/captures/real/rst-abort.txt", pcaplint.ReadOptions{
			Options: pipeline.Options{
				Checks: checks.All(),
			},
		})
		return &report.Report{Files: []report.File{f}}
	}
	known := pcaplint.Baseline(read()) // or baseline.Parse of a file Encode wrote
	rep := read()
	fmt.Println(pcaplint.DropKnown(rep, known), "known,", len(rep.Files[0].Findings), "new")
	// Output:
	// 1 known, 0 new
}

// Lint two tcpdump logs of a directory on two goroutines, as pcaplint
// lint DIR --include clean.txt --include rst-abort.txt does: the report
// lists the files read in path order, and the others as skipped.
func ExampleReadBatch() {
	ins, _, err := batch.Expand([]string{"testdata/captures/real"}, batch.Filters{Include: []string{"rst-abort.txt", "clean.txt"}})
	if err != nil {
		log.Fatal(err) // a bad pattern
	}
	res := pcaplint.ReadBatch(context.Background(), ins, pcaplint.BatchOptions{
		Workers: 2,
		Grace:   batch.DefaultGrace,
		Read: pcaplint.ReadOptions{Options: pipeline.Options{
			Keep:   pipeline.KeepCount,
			Checks: checks.All(),
		}},
	})
	for _, f := range res.Report.Files {
		fmt.Println(f.Path, len(f.Findings), "findings")
	}
	fmt.Println(len(res.Report.Skipped) > 0, "skipped")
	// Output:
	// testdata/captures/real/clean.txt 0 findings
	// testdata/captures/real/rst-abort.txt 1 findings
	// true skipped
}

// Read an input as lint does for a JSON report: the connections spooled
// in their JSON form rather than held.
func ExampleKeeps() {
	ro := pcaplint.Keeps("json", false, pipeline.Options{MaxConns: rules.DefaultMaxConns})
	f, _ := pcaplint.ReadFile(context.Background(), "testdata/captures/real/clean.txt", ro)
	defer pcaplint.CloseSpool(&f)
	fmt.Println(len(f.Conns), "held,", f.Spool.Len(), "spooled")
	// Output:
	// 0 held, 1 spooled
}

// List the connections of an input with their statistics, as pcaplint
// conns --stats does.
func ExampleConns() {
	rep := pcaplint.Conns(context.Background(), []string{"testdata/captures/real/clean.txt"}, false, true, pipeline.Options{})
	defer pcaplint.CloseSpools(rep)
	c := rep.Files[0].Conns[0]
	fmt.Println(len(rep.Files[0].Conns), "connection:", c.Client, "->", c.Server, rep.Files[0].ConnStats[c].Dirs[0].Bytes, "bytes from the client")
	// Output:
	// 1 connection: 127.0.0.1:40100 -> 127.0.0.1:9101 7 bytes from the client
}

// Join the JSON reports of two lint shards, as pcaplint merge shard-*.json
// does, and say what is wrong with the set.
func ExampleMerge() {
	files := map[string]string{ // or os.ReadFile of each
		"shard-0.json": `{"files": [{"path": "b.pcap"}], "shard": {"k": 0, "n": 2, "inputs": ["b.pcap"]}}`,
		"shard-1.json": `{"files": [{"path": "a.pcap"}], "shard": {"k": 1, "n": 2, "inputs": ["a.pcap"]}}`,
	}
	m, err := pcaplint.Merge([]string{"shard-0.json", "shard-1.json"}, func(name string) ([]byte, error) { return []byte(files[name]), nil })
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(m.Problems), "problems")
	p, _ := report.New("github", report.Options{})
	if err := m.Print(os.Stdout, p); err != nil {
		log.Fatal(err)
	}
	// Output:
	// 0 problems
}
