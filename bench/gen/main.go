// Command gen streams an arbitrarily large, valid synthetic pcap to standard
// output: many concurrent connections, each a handshake, a long transfer
// acknowledged every second segment, occasional losses repaired by fast
// retransmission after three duplicate ACKs, and a four-way close.
//
//	go run ./bench/gen -bytes 1G > big.pcap
//	go run ./bench/gen -packets 600000 | pcaplint lint -
//
// Output is deterministic for a given seed.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"syscall"
)

func main() {
	var (
		packets = flag.Int64("packets", 0, "stop after this many packets (0: no limit)")
		size    = flag.String("bytes", "", "stop after about this much output, e.g. 10M, 1G, 10G")
		live    = flag.Int("conns", 200, "connections open at once")
		segs    = flag.Int("segments", 400, "data segments per connection")
		payload = flag.Int("payload", 1448, "payload bytes per data segment")
		loss    = flag.Float64("loss", 0.002, "probability that a data segment is lost and retransmitted")
		seed    = flag.Uint64("seed", 1, "random seed")
	)
	flag.Parse()
	limit, err := parseSize(*size)
	if err != nil || (*packets == 0 && limit == 0) {
		fmt.Fprintln(os.Stderr, "gen: give -packets N or -bytes SIZE (e.g. -bytes 1G)")
		os.Exit(2)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	g := newGenerator(w, *live, *segs, *payload, *loss, rand.New(rand.NewPCG(*seed, 0)))
	if err := g.run(*packets, limit); err != nil && !errors.Is(err, syscall.EPIPE) {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		os.Exit(1)
	}
}

// parseSize reads 10M, 1G, 512K or a plain byte count.
func parseSize(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	mult := int64(1)
	switch strings.ToUpper(s[len(s)-1:]) {
	case "K":
		mult = 1 << 10
	case "M":
		mult = 1 << 20
	case "G":
		mult = 1 << 30
	}
	if mult > 1 {
		s = s[:len(s)-1]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n * mult, err
}
