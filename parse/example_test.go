package parse_test

import (
	"errors"
	"fmt"
	"io"
	"log"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// connPrinter is a rules.Observer that prints each connection when it ends.
type connPrinter struct{}

func (connPrinter) Segment(*rules.Conn, rules.Dir, *tcp.Segment, bool) {}

func (connPrinter) End(c *rules.Conn, _ rules.EndReason) {
	fmt.Printf("%d %s -> %s: %d packets, %d payload bytes, history %s\n",
		c.ID, c.Client, c.Server, c.Packets(), c.Bytes(), c.History())
}

// Read a capture segment by segment and follow its connections. The same
// code reads pcapng, gzip-compressed captures and tcpdump text: OpenFile
// recognises the input by its content.
func ExampleOpenFile() {
	src, f, err := parse.OpenFile("../testdata/captures/real/clean.pcap", parse.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	tr := rules.NewTracker(connPrinter{})
	var seg tcp.Segment // reused: Next overwrites it
	for {
		err := src.Next(&seg)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		tr.Add(&seg)
	}
	tr.Flush() // ends the connections still open
	fmt.Println(src.Stats().TCP, "TCP segments")
	// Output:
	// 1 127.0.0.1:40100 -> 127.0.0.1:9101: 11 packets, 25 payload bytes, history ShADadFf
	// 11 TCP segments
}
