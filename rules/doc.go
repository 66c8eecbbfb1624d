// Package rules follows TCP conversations through a stream of segments and
// judges them.
//
// The Tracker groups segments into connections keyed by the unordered
// 4-tuple, decides which end is the client, keeps the per-direction sequence
// state of checks.md (isn, nxt, maxAck, win, fin), the RFC 9293 state of each
// endpoint over time, and Zeek's conn_state and history, so that users of
// Zeek and readers of RFC 9293 recognise both at once.
//
// Hostile inputs meet two limits. The Tracker keeps at most MaxConns live
// connections (DefaultMaxConns) and evicts the least recently seen beyond
// them; the conn-table-full check reports that. The Engine keeps at most
// MaxPerRule findings of one rule per input (DefaultMaxPerRule, or the
// check's own Limit) and sums up the rest in one finding of that rule, "N
// more ... not shown", at the first one left out and at the highest
// severity among them: a million unanswered SYNs make a thousand and one
// handshake-incomplete lines, and fail the run as they would in full.
package rules
