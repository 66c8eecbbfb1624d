// Package ruleset loads pcaplint rule files (.pcaplint.yaml) into a
// rules.Config: which checks run at which severity, with which parameters,
// ignoring which hosts, networks and ports, plus custom rules written as
// expressions.
//
// A rule file:
//
//	version: 1
//	extends: default          # default | strict | minimal, or a file in this directory tree
//	rules:
//	  rst-unexpected: error   # shorthand: a severity, or off
//	  retransmission:
//	    severity: warning
//	    params: {max-per-connection: 3}
//	    ignore: ["port 22", "host 10.0.0.5", "net 10.0.0.0/8", "host localhost"]
//	custom:
//	  - id: api-slow-handshake
//	    severity: warning
//	    on: connection        # or segment
//	    when: conn.handshake_rtt > duration("200ms") && conn.server.port == 8080
//	    message: "handshake to {{conn.server}} took {{conn.handshake_rtt}}"
//
// The file is read with gopkg.in/yaml.v3 into its node tree rather than
// decoded into structs: the nodes carry the line and column of every key and
// value, so that each problem (an unknown key, a misspelt rule ID, a bad
// severity, an expression that does not compile) is reported at
// file:line:col, all of them at once; and walking the nodes ourselves lets
// the loader bound what a hostile file may cost (size, nesting depth, alias
// expansion) before any of it is interpreted.
//
// Custom rules are compiled with github.com/expr-lang/expr rather than CEL
// (cel-go). expr type-checks an expression at compile time against a plain
// Go struct (ConnRuleEnv for "on: connection", SegmentEnv for "on:
// segment"), whose fields it reads through `expr` struct tags, so a
// misspelt field or a string compared with a number is a rule-file error
// with its column rather than a surprise at run time. It runs compiled
// programs on a small bytecode VM, needs no cgo, knows time.Duration
// (duration("200ms"), comparisons) and is small and well kept. CEL would
// need the environment declared again as type descriptors in its
// protobuf-based type system and brings a much larger dependency tree for
// the same checks.
package ruleset
