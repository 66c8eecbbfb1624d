package pcaplint_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/mermaid"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

// Draw the first connection of a log and the checks' findings on it as a
// Mermaid sequence diagram, as pcaplint diagram --conn 1 --format mermaid
// reads it.
func ExampleReadDiagrams() {
	first := func(c *rules.Conn) bool { return c.ID == 1 }
	opts := pcaplint.ReadOptions{Options: pipeline.Options{Checks: checks.All()}}
	f, convs := pcaplint.ReadDiagrams(context.Background(), "testdata/captures/real/rst-abort.txt", first, opts)
	if f.Err != nil {
		log.Fatal(f.Err)
	}
	d := diagram.Build(diagram.Groups(convs, false)[0], diagram.Options{})
	if err := mermaid.Write(os.Stdout, d); err != nil {
		log.Fatal(err)
	}
	// Output:
	// sequenceDiagram
	//     %% connection 1 · 127.0.0.1:40200 → 127.0.0.1:9102 · 6 segments · 100.53 ms
	//     participant P0 as 127.0.0.1:40200 (client)
	//     participant P1 as 127.0.0.1:9102 (server)
	//     Note over P0: CLOSED
	//     Note over P1: LISTEN
	//     P0->>P1: [S] seq 3472168539 win 65495 #lt;mss 65495,wscale 10#gt;
	//     Note over P0: SYN_SENT
	//     P1->>P0: [S.] seq 745277373 ack 3472168540 win 65483 #lt;mss 65495,wscale 10#gt;
	//     Note over P1: SYN_RECEIVED
	//     Note over P0: ESTABLISHED
	//     P0->>P1: [.] ack 1 win 64 (×1024 = 65536)
	//     Note over P1: ESTABLISHED
	//     P0->>P1: [P.] 1:13 (12) ack 1
	//     P1->>P0: [.] ack 13 win 64 (×1024 = 65536)
	//     rect rgba(154, 103, 0, 0.15)
	//     P1->>P0: [R.] seq 1 ack 13 ⚠ ! rst-unexpected
	//     end
	//     Note over P1: CLOSED
	//     Note over P0: CLOSED
}

// Draw the time-sequence graph of each connection of a capture as an SVG,
// as pcaplint graph does, with the findings of the default checks marked.
func ExampleReadGraphs() {
	opts := pcaplint.ReadOptions{Options: pipeline.Options{Checks: checks.All()}}
	f, convs := pcaplint.ReadGraphs(context.Background(), "testdata/captures/real/rst-abort.pcap", nil, time.Second, opts)
	if f.Err != nil {
		log.Fatal(f.Err)
	}
	for _, cv := range convs {
		svg, err := graph.Draw(cv, graph.Options{Kind: graph.TSG, Findings: f.Findings})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("connection %d: rst-unexpected marked: %t\n", cv.Conn.ID, strings.Contains(string(svg), "rst-unexpected"))
	}
	// Output:
	// connection 1: rst-unexpected marked: true
}
