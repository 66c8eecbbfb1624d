// Package checks holds pcaplint's built-in TCP checks, one file per check
// named for its ID, in the order of the catalogue (docs/design/checks.md).
//
// Several checks judge the same segment from different angles: is it a
// retransmission, an out-of-order arrival, a keep-alive or a zero-window
// probe; is a pure ACK a duplicate, a keep-alive ACK or a window update.
// The answer is computed once per segment by the shared sequence analysis
// (analysis.go), in the order of Wireshark's tcp_analyze_sequence_number, so
// that the checks never disagree on what a segment is. A check that reads
// it says so (Requires: seq); what a check remembers of a connection
// besides is its own, under a rules.CheckState key of its file
// (docs/design/checks-state.md).
package checks
