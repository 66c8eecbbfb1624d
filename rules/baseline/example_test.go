package baseline_test

import (
	"fmt"
	"maps"
	"net/netip"
	"os"
	"strings"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/baseline"
)

// Record one input's finding, write the baseline and read it back.
func ExampleNew() {
	fd := rules.Finding{Rule: "rst-unexpected", Message: "RST from server 10.0.0.2:80 with 0 bytes unacknowledged",
		Conn: rules.ConnRef{Client: tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.1"), Port: 41000},
			Server: tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.2"), Port: 80}}}
	b := baseline.New(maps.All(map[string][]rules.Finding{"logs/api.txt": {fd}}))
	var sb strings.Builder
	b.Encode(&sb)
	back, err := baseline.Parse([]byte(sb.String()))
	if err != nil {
		panic(err)
	}
	back.Encode(os.Stdout)
	// Output:
	// {
	//   "version": 1,
	//   "findings": [
	//     {
	//       "file": "logs/api.txt",
	//       "client": "10.0.0.1",
	//       "server": "10.0.0.2:80",
	//       "rule": "rst-unexpected",
	//       "fingerprint": "RST from server #.#.#.#:# with # bytes unacknowledged",
	//       "count": 1,
	//       "message": "RST from server 10.0.0.2:80 with 0 bytes unacknowledged"
	//     }
	//   ]
	// }
}

// Drop the findings a baseline knows: the same finding from another
// client port, with other numbers, is known; a second copy is new.
func ExampleMatcher_Filter() {
	ep := func(ip string, port uint16) tcp.Endpoint {
		return tcp.Endpoint{Addr: netip.MustParseAddr(ip), Port: port}
	}
	old := rules.Finding{Rule: "seq-gap", Message: "1448 bytes not captured at seq 1001",
		Conn: rules.ConnRef{Client: ep("10.0.0.1", 40000), Server: ep("10.0.0.2", 80)}}
	b := baseline.New(maps.All(map[string][]rules.Finding{"a.pcap": {old}}))

	now := old
	now.Message, now.Conn.Client.Port = "96 bytes not captured at seq 7", 51234
	m := b.Matcher()
	left := m.Filter("a.pcap", []rules.Finding{now, now})
	fmt.Println(m.Removed, "known,", len(left), "new")
	// Output:
	// 1 known, 1 new
}
