package main

import (
	"fmt"
	"strings"
	"testing"
)

// errorCases are the mistakes a new user makes, each run as typed.
var errorCases = [][]string{
	{"lint"},
	{"lint", "nosuch.pcap"},
	{"lint", "--rule", "rst-unexpectd=error", "../../testdata/captures/real/rst-abort.txt"},
	{"lint", "--rule", "rst-unexpected=fatal", "x"},
	{"lint", "--rule", "rst-unexpected", "x"},
	{"lint", "--format", "xml", "x"},
	{"lint", "--fail-on", "bad", "x"},
	{"lint", "--rules", "strct", "x"},
	{"lint", "--rules", "nosuch", "x"},
	{"lint", "--baseline", "nosuch.json", "x"},
	{"lint", "--bogus", "x"},
	{"lint", "--color", "yes", "x"},
	{"conns", "--absolute", "../../testdata/captures/real/clean.pcap"},
	{"lint", "--rules", "default", "testdata/windows-crlf.txt"},
	{"lint", "--rules", "default", "../../go.mod"},
	{"conns"},
	{"conns", "nosuch.pcap"},
	{"conns", "../../testdata/captures/real/ipv6.pcapng", "../../testdata/captures"},
	{"conns", "--format", "csv", "x"},
	{"diagram"},
	{"diagram", "a.pcap", "b.pcap"},
	{"diagram", "nosuch.pcap"},
	{"diagram", "../../testdata/captures"},
	{"diagram", "--format", "gif", "x"},
	{"diagram", "--theme", "pink", "x"},
	{"diagram", "--conn", "9", "--rules", "default", "../../testdata/captures/real/clean.pcap"},
	{"diagram", "--rules", "testdata/bad-rules.yaml", "x"},
	{"diagram", "--rules", "strct", "x"},
	{"diagram", "--rule", "rst-unexpectd=error", "x"},
	{"graph", "--rules", "testdata/bad-rules.yaml", "x"},
	{"graph", "--rules", "testdata", "x"},
	{"lint", "--rules", "testdata/bad-rules.yaml", "x"},
	{"lint", "--rules", "testdata", "x"},
	{"explain"},
	{"explain", "nosuch.txt"},
	{"explain", "../../testdata/captures"},
	{"explain", "--lang", "fr", "x"},
	{"explain", "--conn", "5", "../../testdata/captures/real/clean.pcap"},
	{"rules", "shw"},
	{"rules", "show", "rst-unexpectd"},
	{"rules", "list", "extra"},
	{"rules", "init", "testdata/no-such-dir/x.yaml"},
	{"rules", "docs", "-o", "testdata/no-such-dir/rules.md"},
	{"lint", "--rules", "default", "--write-baseline", "testdata/no-such-dir/b.json", "../../testdata/captures/real/clean.pcap"},
	{"bogus"},
	{"merge", "nosuch.json"},
	{"merge", "testdata"},
	{"lnt", "x.pcap"},
	{"help", "lnt"},
	{"help", "rules", "shw"},
	{"help", "bogus", "more"},
	{"completion", "tcsh"},
}

// TestErrorMessages collects what every mistake prints on stderr, and its
// exit code, in testdata/errors.golden (refresh with -update and read the
// diff: each message should say what happened, where, and what to do).
func TestErrorMessages(t *testing.T) {
	var b strings.Builder
	for _, args := range errorCases {
		code, _, stderr := runCmd(t, builtinChecks(), args...)
		fmt.Fprintf(&b, "$ pcaplint %s\n%s[exit %d]\n\n", strings.Join(args, " "), stderr, code)
	}
	golden(t, "errors.golden", b.String())
}
