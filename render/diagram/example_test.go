package diagram_test

import (
	"context"
	"log"
	"os"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/mermaid"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
	"github.com/pcaplint/pcaplint/rules/ruleset"
)

// Draw a connection and the checks' findings as a Mermaid sequence
// diagram. A Collector observes the tracker as pipeline.Run reads the
// input, beside the checks; Build makes the model that every format
// draws. For SVG, lay the model out and render it:
// svg.Render(diagram.Lay(d, diagram.LayoutOptions{}), svg.Auto, d.Caption).
func ExampleBuild() {
	all := checks.All()
	cfg, _ := ruleset.Builtin(ruleset.Default, all)
	coll := &diagram.Collector{}
	res := pipeline.File(context.Background(), "../../testdata/captures/real/rst-abort.txt", pipeline.Options{
		Checks:    all,
		Config:    cfg,
		Observers: func(int) []rules.Observer { return []rules.Observer{coll} },
	})
	if res.Err != nil {
		log.Fatal(res.Err)
	}
	convs := coll.Conversations()
	diagram.Attach(convs, res.Findings)
	d := diagram.Build(convs[:1], diagram.Options{})
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
