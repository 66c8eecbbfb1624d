package main

import (
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// builtinChecks are the checks lint and explain run and rules lists: the
// TCP catalogue, then the checks on pcaplint's own limits.
func builtinChecks() []*rules.Check { return append(checks.All(), checks.Limits()...) }
