package report_test

import (
	"errors"
	"fmt"
	"log"
	"net/netip"
	"os"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

// Print findings in one of the report formats. A Report holds, per input,
// the connections, read statistics and findings that a rules.Tracker and
// rules.Engine produced (see the rules package's example); here one
// finding is made by hand.
func ExampleNew() {
	client := tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.1"), Port: 40000}
	server := tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.2"), Port: 80}
	rep := &report.Report{Files: []report.File{{
		Path:  "trace.txt",
		Conns: []*rules.Conn{{ID: 1, Client: client, Server: server}},
		Findings: []rules.Finding{{
			Rule: "seq-gap", Severity: rules.Warning, Message: "1448 bytes not captured",
			Pos: tcp.Pos{File: "trace.txt", Line: 12}, Conn: rules.ConnRef{ID: 1, Client: client, Server: server},
		}},
	}}}
	for _, format := range []string{"text", "github"} {
		p, err := report.New(format, report.Options{FailOn: rules.Warning})
		if err != nil {
			log.Fatal(err)
		}
		if err := p.Print(os.Stdout, rep); err != nil {
			log.Fatal(err)
		}
	}
	// Output:
	// trace.txt:12: warning seq-gap: 1448 bytes not captured  10.0.0.1:40000 -> 10.0.0.2:80
	// 1 finding (0 errors, 1 warning, 0 info) in 1 input, 1 connection
	// ::warning file=trace.txt,line=12,title=seq-gap::1448 bytes not captured (10.0.0.1:40000 -> 10.0.0.2:80)
}

// Join the JSON reports of two lint shards (lint --shard 0/2 and 1/2
// --format json) into one, and say what is wrong with the set.
func ExampleMerge() {
	files := map[string]string{ // or os.ReadFile
		"shard-0.json": `{"files": [{"path": "b.pcap"}], "shard": {"k": 0, "n": 2, "inputs": ["b.pcap"]}}`,
		"shard-1.json": `{"files": [{"path": "a.pcap"}], "shard": {"k": 1, "n": 2, "inputs": ["a.pcap", "c.pcap"]}}`,
	}
	reps, err := report.ReadJSONFiles([]string{"shard-0.json", "shard-1.json"}, func(name string) ([]byte, error) { return []byte(files[name]), nil })
	if err != nil {
		log.Fatal(err)
	}
	merged, problems := report.Merge(reps)
	for _, f := range merged.Files {
		fmt.Println(f.Path)
	}
	for _, p := range problems {
		fmt.Println(p)
	}
	// Output:
	// a.pcap
	// b.pcap
	// shard-1.json: 1 of the 2 inputs of shard 1/2 are not in the report (was it interrupted?)
}

// Print a batch as lint does, one input at a time as each is done when
// the format allows it (NewFileWriter), whole otherwise (PrintBatch);
// then say on standard error what fails the run, and decide the exit
// status.
func ExampleNewFileWriter() {
	rep := &report.Report{Files: []report.File{
		{Path: "a.txt", Findings: []rules.Finding{{Rule: "rst-unexpected", Severity: rules.Warning, Message: "client reset the connection",
			Pos: tcp.Pos{File: "a.txt", Line: 6}}}},
		{Path: "b.pcap", Err: errors.New("b.pcap: not a capture")},
	}}
	p, err := report.New("github", report.Options{})
	if err != nil {
		log.Fatal(err)
	}
	if fw := report.NewFileWriter(p, os.Stdout); fw != nil {
		for i := range rep.Files {
			_ = fw.File(&rep.Files[i]) // as each input is done
		}
		_ = fw.Close(rep)
	} else {
		_ = report.PrintBatch(os.Stdout, p, rep)
	}
	text, failed := report.Diagnostics{}.Text(rep)
	fmt.Print(text)
	fmt.Println("exit 2:", failed, "- exit 1:", rep.Worst() >= rules.Warning)
	// Output:
	// ::warning file=a.txt,line=6,title=rst-unexpected::client reset the connection (:0 -> :0)
	// pcaplint: error: b.pcap: not a capture
	// exit 2: true - exit 1: true
}
