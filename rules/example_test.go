package rules_test

import (
	"fmt"
	"log"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/ruleset"
)

// Lint a capture with the built-in checks: the Engine is an Observer of
// the Tracker, so the checks run in the same single pass that follows the
// connections. The rule set here is the default one with rst-unexpected
// raised to an error, as `--rule rst-unexpected=error` would do.
func ExampleNewEngine() {
	all := checks.All()
	cfg, _ := ruleset.Builtin(ruleset.Default, all)
	if err := ruleset.Override(cfg, "rst-unexpected=error", all); err != nil {
		log.Fatal(err)
	}
	eng, err := rules.NewEngine(all, cfg)
	if err != nil {
		log.Fatal(err)
	}
	src, f, err := parse.OpenFile("../testdata/captures/real/rst-abort.pcap", parse.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	tr := rules.NewTracker(eng)
	if err := parse.Each(src, func(seg *tcp.Segment) { tr.Add(seg) }); err != nil {
		log.Fatal(err)
	}
	tr.Flush()
	for _, fd := range eng.Findings() {
		fmt.Printf("packet %d: %s %s: %s\n", fd.Pos.Packet, fd.Severity, fd.Rule, fd.Message)
	}
	// Output:
	// packet 6: error rst-unexpected: RST from server 127.0.0.1:9102 with 0 bytes unacknowledged from client, 0 from server
}
