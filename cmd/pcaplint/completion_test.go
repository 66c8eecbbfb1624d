package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/render/report"
)

// TestCompletionValuesAreTheRegistries: the values completed after a flag
// are those of the list the flag is checked against, in its order.
func TestCompletionValuesAreTheRegistries(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"lint", "--format"}, report.Formats},
		{[]string{"diagram", "--format"}, drawing.Diagrams.Names()},
		{[]string{"graph", "--format"}, drawing.Graphs.Names()},
		{[]string{"graph", "--kind"}, graph.Kinds},
		{[]string{"graph", "--dir"}, graph.DirNames},
	}
	for _, tt := range tests {
		_, out, _ := runCmd(t, stubChecks(), append(append([]string{"__complete"}, tt.args...), "")...)
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if !strings.HasPrefix(l, ":") {
				got = append(got, l)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%v completes %q, want %q", tt.args, got, tt.want)
		}
	}
}

// TestFilterIsAScope: diagram and graph read --filter as a scope; the
// old bracketed host still draws, with a note naming the new spelling,
// and a bad scope exits 2 naming its column.
func TestFilterIsAScope(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"diagram", loopback, "--filter", "host 127.0.0.1 and port 9502", "-f", "mermaid"}, 0, ""},
		{[]string{"graph", loopback, "--filter", "net 127.0.0.0/8 and port 9502"}, 0, ""},
		{[]string{"diagram", loopback, "--filter", "host [127.0.0.1]", "-f", "mermaid"}, 0, `pcaplint: warning: --filter "host [127.0.0.1]" is the old filter syntax, which will go: write --filter "host 127.0.0.1"`},
		{[]string{"diagram", loopback, "--filter", "port 9502 and hots x"}, exitError, `pcaplint: --filter: column 15: scope "port 9502 and hots x": unknown selector "hots"`},
		{[]string{"graph", loopback, "--filter", "port 99999"}, exitError, `pcaplint: --filter: column 6: scope "port 99999": port "99999" is not a number`},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, stubChecks(), tt.args...)
		if code != tt.code || !strings.HasPrefix(stderr, tt.stderr) || tt.stderr == "" && stderr != "" {
			t.Errorf("%q: exit %d, stderr %q; want %d, %q", tt.args, code, stderr, tt.code, tt.stderr)
		}
	}
}
