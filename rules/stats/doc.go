// Package stats measures TCP connections as tcptrace -l -r and Wireshark's
// TCP analysis do: per direction, bytes sent and unique, retransmissions,
// round-trip times, bytes in flight, windows and zero-window time, in one
// pass and in memory bounded per connection (docs/stats.md).
//
// RTTSampler is the round-trip-time measurement on its own, for any user
// that follows a connection's segments (pcaplint graph --kind rtt);
// Quantiles summarises samples in bounded memory.
package stats
