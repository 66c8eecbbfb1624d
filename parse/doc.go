// Package parse turns inputs into TCP segments: packet captures (pcap,
// pcapng, gzip-compressed or not) and tcpdump's text output. Open detects
// the kind of input by its content, never by its name.
//
// It is the first stage of pcaplint's pipeline:
//
//	parse.OpenFile ──Source.Next──▶ tcp.Segment ──▶ rules.Tracker ──▶ Observers
//	                                                  (rules.Engine: findings,
//	                                                   diagram.Collector: segments)
//	                                                        │
//	                                                        ▼
//	                                       render/report, render/diagram, render/explain
//
// A Source yields one tcp.Segment at a time into storage the caller owns
// and reuses, so reading allocates nothing per packet; feed each segment to
// a rules.Tracker, which groups them into connections. Sub-packages:
// parse/capture reads pcap and pcapng records and decodes their headers,
// parse/tcpdump reads tcpdump's text (recovering absolute sequence
// numbers), and parse/tcp holds the Segment, Endpoint and position types
// that every stage shares.
//
// Problems in an input are positioned: "file:line" for text,
// "file:#packet (offset N)" for captures. Recoverable ones are counted in
// Source.Stats and reading goes on; a broken input stops with a fatal
// *tcp.Problem after everything before the break has been returned.
package parse
