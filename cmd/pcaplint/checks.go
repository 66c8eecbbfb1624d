package main

import (
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// builtinChecks are the checks lint and explain run and rules lists.
func builtinChecks() []*rules.Check { return checks.All() }
