package explain_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/render/explain"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// Explain a tcpdump log with the built-in checks, as pcaplint explain
// does: each segment under its own line, then a summary per connection.
func ExampleFile() {
	var out bytes.Buffer
	res, err := explain.File(context.Background(), &out, "../../testdata/captures/real/rst-abort.txt", parse.Options{}, explain.Options{Checks: checks.All()})
	if err != nil {
		log.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	fmt.Println(res.ConnCount, "connection,", len(res.Findings), "finding")
	fmt.Println(lines[0][:40])
	fmt.Println(lines[1])
	// Output:
	// 1 connection, 1 finding
	// 14:41:14.800091 IP 127.0.0.1.40200 > 127
	//   Handshake 1/3. The client 127.0.0.1:40200 (it sent the first SYN) asks the server 127.0.0.1:9102 to connect. Its initial sequence number j = 3472168539.
}
