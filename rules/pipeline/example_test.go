package pipeline_test

import (
	"context"
	"fmt"
	"log"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"

	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

// Read a tcpdump log through the tracker and the default checks, on
// several goroutines, keeping only the count of connections.
func ExampleFile() {
	res := pipeline.File(context.Background(), "../../testdata/captures/real/rst-abort.txt", pipeline.Options{
		Keep:      pipeline.KeepCount,
		Lanes:     true,
		NewEngine: func() (*rules.Engine, error) { return rules.NewEngine(checks.All(), nil) },
	})
	if res.Err != nil {
		fmt.Println(res.Err) // a broken input: what came before is still judged
	}
	fmt.Println(res.ConnCount, "connection")
	for _, fd := range res.Findings {
		fmt.Println(fd.Pos.Line, fd.Severity, fd.Rule)
	}
	// Output:
	// 1 connection
	// 6 warning rst-unexpected
}

// Run the built-in checks with a rule set of one's own: here the reset
// that lint warns of is made an error.
func ExampleRun_checks() {
	cfg := &rules.Config{Rules: map[string]rules.RuleConfig{"rst-unexpected": {Severity: rules.Error}}}
	res := pipeline.File(context.Background(), "../../testdata/captures/real/rst-abort.txt", pipeline.Options{
		Checks: checks.All(),
		Config: cfg,
	})
	for _, fd := range res.Findings {
		fmt.Println(fd.Pos.Line, fd.Severity, fd.Rule)
	}
	// Output:
	// 6 error rst-unexpected
}

// Show each finding as soon as the checks reach it, while the input is
// still being read, as explain does.
func ExampleRun_onFinding() {
	segments := 0
	res := pipeline.File(context.Background(), "../../testdata/captures/real/rst-abort.pcap", pipeline.Options{
		Checks:    checks.All(),
		OnSegment: func(*pipeline.Step) { segments++ },
		OnFinding: func(fd rules.Finding) {
			fmt.Printf("after %d segments: %s on packet %d\n", segments, fd.Rule, fd.Pos.Packet)
		},
	})
	fmt.Println(len(res.Findings), "finding in all")
	// Output:
	// after 5 segments: rst-unexpected on packet 6
	// 1 finding in all
}

// Print a tcpdump log's own line beside each segment's connection and the
// state its sender is in; a capture's Step.Line is empty.
func ExampleRun_lines() {
	src, closer, err := pipeline.Open("../../testdata/captures/real/rst-abort.txt", parse.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer closer.Close()
	pipeline.Run(context.Background(), src, pipeline.Options{
		Lines: true,
		OnSegment: func(st *pipeline.Step) {
			fmt.Printf("%d %-11s %.40s\n", st.Conn.ID, st.Conn.Sides[st.Dir].State, st.Line)
		},
	})
	// Output:
	// 1 SYN_SENT    14:41:14.800091 IP 127.0.0.1.40200 > 127
	// 1 SYN_RECEIVED 14:41:14.800109 IP 127.0.0.1.9102 > 127.
	// 1 ESTABLISHED 14:41:14.800126 IP 127.0.0.1.40200 > 127
	// 1 ESTABLISHED 14:41:14.800197 IP 127.0.0.1.40200 > 127
	// 1 ESTABLISHED 14:41:14.800204 IP 127.0.0.1.9102 > 127.
	// 1 CLOSED      14:41:14.900617 IP 127.0.0.1.9102 > 127.
}

// connPrinter is a rules.Observer that prints each connection when it ends.
type connPrinter struct{}

func (connPrinter) Segment(*rules.Conn, rules.Dir, *tcp.Segment, bool) {}

func (connPrinter) End(c *rules.Conn, _ rules.EndReason) {
	fmt.Printf("%d %s -> %s: %d packets, %d payload bytes, history %s\n",
		c.ID, c.Client, c.Server, c.Packets(), c.Bytes(), c.History())
}

// Follow the connections of a capture with an observer of one's own, as
// the diagram and graph recorders do, keeping none in the Result.
func ExampleRun_observers() {
	res := pipeline.File(context.Background(), "../../testdata/captures/real/clean.pcap", pipeline.Options{
		Keep:      pipeline.KeepCount,
		Observers: func(int) []rules.Observer { return []rules.Observer{connPrinter{}} },
	})
	fmt.Println(res.Stats.TCP, "TCP segments")
	// Output:
	// 1 127.0.0.1:40100 -> 127.0.0.1:9101: 11 packets, 25 payload bytes, history ShADadFf
	// 11 TCP segments
}

// Open an input, look at it before reading it, then read it with Run; a
// path that cannot be read is said with what to give instead.
func ExampleOpen() {
	if _, _, err := pipeline.Open("../../testdata/captures/real/no-such.pcap", parse.Options{}); err != nil {
		fmt.Println(err)
	}
	src, closer, err := pipeline.Open("../../testdata/captures/real/clean.pcap", parse.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer closer.Close()
	fmt.Println("live:", src.Idle())
	res := pipeline.Run(context.Background(), src, pipeline.Options{})
	fmt.Println(res.ConnCount, "connection,", res.Stats.TCP, "segments")
	// Output:
	// ../../testdata/captures/real/no-such.pcap: no such file; give a pcap, pcapng or tcpdump text file, or - for standard input
	// live: false
	// 1 connection, 11 segments
}
