// Package rules follows TCP conversations through a stream of segments and
// judges them.
//
// The Tracker groups segments into connections keyed by the unordered
// 4-tuple, decides which end is the client, keeps the per-direction sequence
// state of checks.md (isn, nxt, maxAck, win, fin), the RFC 9293 state of each
// endpoint over time, and Zeek's conn_state and history, so that users of
// Zeek and readers of RFC 9293 recognise both at once.
package rules
