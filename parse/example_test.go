package parse_test

import (
	"errors"
	"fmt"
	"io"
	"log"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// Read a capture segment by segment. The same code reads pcapng,
// gzip-compressed captures and tcpdump text: OpenFile recognises the input
// by its content. To follow the connections and run the checks, read the
// Source with rules/pipeline's Run (or open it with pipeline.File).
func ExampleOpenFile() {
	src, f, err := parse.OpenFile("../testdata/captures/real/clean.pcap", parse.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var seg tcp.Segment // reused: Next overwrites it
	var payload uint32
	for {
		err := src.Next(&seg)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		payload += seg.PayloadLen
	}
	fmt.Println(src.Stats().TCP, "TCP segments,", payload, "payload bytes")
	// Output:
	// 11 TCP segments, 25 payload bytes
}
