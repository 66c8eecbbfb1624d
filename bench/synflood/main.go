// Command synflood streams a pcap of SYNs that are never answered, each
// from its own source port and address, to standard output: the input that
// fills pcaplint's connection table.
//
//	go run ./bench/synflood -n 1000000 > flood.pcap
//	/usr/bin/time -f %M pcaplint lint flood.pcap
//
// The output is the same for the same -n.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/pcaplint/pcaplint/bench/synflood/flood"
)

func main() {
	n := flag.Int("n", 1_000_000, "number of SYNs")
	flag.Parse()
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	if err := flood.Write(w, *n); err != nil {
		fmt.Fprintln(os.Stderr, "synflood:", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "synflood:", err)
		os.Exit(1)
	}
}
