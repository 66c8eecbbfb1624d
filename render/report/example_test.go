package report_test

import (
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
