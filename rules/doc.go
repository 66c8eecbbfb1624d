// Package rules follows TCP conversations through a stream of segments and
// judges them.
//
// The Tracker groups segments into connections keyed by the unordered
// 4-tuple, decides which end is the client, keeps the per-direction
// sequence state of docs/design/checks.md#what-is-kept-per-direction (isn,
// nxt, maxAck, win, fin), the RFC 9293 state of each endpoint over time,
// and Zeek's conn_state and history, so that users of Zeek and readers of
// RFC 9293 recognise both at once.
//
// It is the middle of pcaplint's pipeline: segments from package parse go
// into Tracker.Add; every Observer given to NewTracker sees each segment
// with its connection and each connection when it ends. The Engine is such
// an Observer: NewEngine(checks, cfg) runs Checks (the built-in ones are
// rules/checks.All) and the custom rules of a Config (resolved from YAML
// rule files by rules/ruleset) in the same single pass, and Findings
// returns what they found, sorted by position. A Check declares the
// Analyses it reads (Requires), which the Engine runs once per segment
// before the checks, and keeps its own state of each connection under a
// CheckState key, which the Engine hands out at first use and takes back
// when the connection ends (docs/design/checks-state.md). Packages under
// render print the connections and findings.
//
// A Tracker is not safe for concurrent use: give each input its own
// Tracker and Engine, or let Lanes split one input's connections among
// several Trackers on their own goroutines by a hash of the 4-tuple, and
// merge their connections (Number) and findings (Findings) into what one
// Tracker would have reported.
//
// Memory follows the connections alive at once, not every connection of
// the input: the Tracker retires a closed connection once it has been quiet
// for 5 s (both FINs acknowledged, or a RST) or 2 minutes (a FIN left
// unacknowledged), and keeps only its 4-tuple for 2 minutes more, to tell
// port reuse.
//
// Hostile inputs meet two limits. The Tracker keeps at most MaxConns live
// connections (DefaultMaxConns) and evicts the least recently seen beyond
// them; the conn-table-full check reports that. The Engine keeps at most
// MaxPerRule findings of one rule per input (DefaultMaxPerRule, or the
// check's own Limit), the earliest in the input, and sums up the rest in
// one finding of that rule, "N more ... not shown", at the earliest one
// left out and at the highest severity among them: a million unanswered SYNs make a thousand and one
// handshake-incomplete lines, and fail the run as they would in full.
package rules
