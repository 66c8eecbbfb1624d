package ruleset

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// Bounds on what a rule file may cost, so that a hostile file (a "billion
// laughs" alias bomb, deep nesting, sheer size) is refused with a clear
// error before any of it is interpreted.
const (
	// MaxFileSize is the largest rule file read.
	MaxFileSize = 1 << 20
	// MaxNodes bounds the YAML nodes of a document, counting every node an
	// alias expands to again each time the alias is used.
	MaxNodes = 10_000
	// MaxDepth bounds the nesting of mappings and lists.
	MaxDepth = 50
	// MaxAliasUses bounds how often one anchor may be used.
	MaxAliasUses = 100
)

// nodeBudget walks a document as the loader will, expanding aliases, and
// stops at the first bound exceeded.
type nodeBudget struct {
	nodes int
	uses  map[*yaml.Node]int
}

// checkLimits returns an error naming the bound a document exceeds, with
// the position where it was exceeded.
func checkLimits(doc *yaml.Node) (line, col int, err error) {
	b := &nodeBudget{uses: map[*yaml.Node]int{}}
	return b.walk(doc, 0)
}

func (b *nodeBudget) walk(n *yaml.Node, depth int) (int, int, error) {
	if b.nodes++; b.nodes > MaxNodes {
		return n.Line, n.Column, fmt.Errorf("the document has more than %d nodes (counting alias expansions); refusing the document", MaxNodes)
	}
	if depth > MaxDepth {
		return n.Line, n.Column, fmt.Errorf("nesting deeper than %d levels; refusing the document", MaxDepth)
	}
	if n.Kind == yaml.AliasNode {
		if b.uses[n.Alias]++; b.uses[n.Alias] > MaxAliasUses {
			return n.Line, n.Column, fmt.Errorf("anchor &%s used more than %d times; refusing the document", n.Value, MaxAliasUses)
		}
		if n.Alias == nil {
			return n.Line, n.Column, fmt.Errorf("alias *%s names no anchor", n.Value)
		}
		return b.walk(n.Alias, depth+1)
	}
	for _, c := range n.Content {
		if line, col, err := b.walk(c, depth+1); err != nil {
			return line, col, err
		}
	}
	return 0, 0, nil
}
