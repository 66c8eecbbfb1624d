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
