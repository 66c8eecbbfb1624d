package main

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/pcaplint/pcaplint/render/html"
)

// pageDiagrams returns the diagram and time-sequence graph URLs of an
// HTML report page, read from its data (html.ReadData).
func pageDiagrams(t *testing.T, page string) (diagrams, graphs []string) {
	t.Helper()
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := html.ReadData(b)
	if err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	var data struct {
		Files []struct {
			Conns [][]any `json:"conns"`
		} `json:"files"`
	}
	if err := json.NewDecoder(bytes.NewReader(raw)).Decode(&data); err != nil {
		t.Fatalf("%s: data: %v", page, err)
	}
	for _, f := range data.Files {
		for _, c := range f.Conns {
			if u, _ := c[3].(string); u != "" {
				diagrams = append(diagrams, u)
			}
			if u, _ := c[4].(string); u != "" {
				graphs = append(graphs, u)
			}
		}
	}
	return diagrams, graphs
}
