package drawing

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/ruleset"
)

// Select returns which connections to draw: those with the given IDs
// (none: any) and in the scope filter ("": any), in the scope language of
// rule sets (ruleset.ParseScope: "port 443", "host db and port 5432",
// "net 10.0.0.0/8"); nil keeps all. A filter in the old --filter
// language that is no scope ("host [::1]") still selects, and a note on
// warn names its new spelling. A bad filter's error gives the column of
// the word in question.
func Select(ids []int, filter string, warn io.Writer) (func(*rules.Conn) bool, error) {
	var scope *rules.Scope
	if strings.TrimSpace(filter) != "" {
		sc, err := parseFilter(filter, warn)
		if err != nil {
			return nil, err
		}
		scope = &sc
	}
	if len(ids) == 0 && scope == nil {
		return nil, nil
	}
	return func(c *rules.Conn) bool {
		if len(ids) > 0 && !slices.Contains(ids, c.ID) {
			return false
		}
		return scope == nil || scope.Match(c.Ref())
	}, nil
}

// parseFilter reads filter as a scope, or as the old "host [ADDR]"
// spelling of one, which it then warns about.
func parseFilter(filter string, warn io.Writer) (rules.Scope, error) {
	if f := strings.Fields(filter); len(f) == 2 && f[0] == "host" && strings.HasPrefix(f[1], "[") && strings.HasSuffix(f[1], "]") {
		spelled := "host " + strings.Trim(f[1], "[]")
		if sc, err := ruleset.ParseScope(spelled); err == nil {
			fmt.Fprintf(warn, "pcaplint: warning: --filter %q is the old filter syntax, which will go: write --filter %q\n", filter, spelled)
			return sc, nil
		}
	}
	sc, err := ruleset.ParseScope(filter)
	var se *ruleset.ScopeError
	switch {
	case errors.As(err, &se):
		return sc, fmt.Errorf("--filter: column %d: %w", se.Col, err)
	case err != nil:
		return sc, fmt.Errorf("--filter: %w", err)
	}
	return sc, nil
}
