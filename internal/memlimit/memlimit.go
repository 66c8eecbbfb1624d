// Package memlimit sets the Go runtime's soft memory limit for the
// commands whose memory follows the live connections.
package memlimit

import (
	"os"
	"runtime/debug"
)

// Default is the Go runtime's soft memory limit unless GOMEMLIMIT sets
// another. The garbage collector's default pace lets the heap grow to
// twice what is live before collecting; on a SYN flood that fills the
// connection table (rules.DefaultMaxConns, about 75 MB live) that
// doubling alone would take resident memory past 250 MB. With the limit,
// the collector runs earlier as the heap nears it, and a full table stays
// under 200 MB (bench/memory.sh). It is soft: a command that needs more
// live memory gets it, at the cost of more frequent collections (the
// runtime caps their CPU share at half). So lint, conns and explain take
// it, whose memory follows the live connections: explain spills its
// summaries since 2026-12-05, before which it kept every connection, and
// under the limit explain of the 600,000-packet bench capture took 17.6 s
// instead of 9 s. The limit counts the Go runtime's memory only, not the
// 35 MB or so of Graphviz's WebAssembly code that go-graphviz maps at
// start: at 170 MiB, lint of 100,000 small files (some 90 MB live at the
// end) and explain of 500,000 SYNs peaked at 202 and 199 MB; at 150 MiB,
// 183 and 179 MB, no slower. Where explain holds more live connections
// than a flood's table, the limit costs time: on 600,000 packets of short
// connections (bench/gen -conns 4 -segments 2 -loss 0), some 120 MB live,
// 8.8 s and 180 MB with it, 6.5 s and 281 MB without (2026-12-05).
const Default = 150 << 20

// allowed is set by Allow: tests that run commands in-process keep the
// test binary's own limit.
var allowed bool

// Allow lets Apply set the limit; the pcaplint binary's main calls it.
func Allow() { allowed = true }

// Apply sets Default as the limit when Allow was called and the
// environment does not choose a limit itself (GOMEMLIMIT).
func Apply() {
	if _, ok := os.LookupEnv("GOMEMLIMIT"); !ok && allowed {
		debug.SetMemoryLimit(Default)
	}
}
