package rules

import (
	"net/netip"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// Config is a resolved rule set: how each check is configured, and the
// custom rules. A check without an entry in Rules runs with its defaults.
type Config struct {
	Rules  map[string]RuleConfig
	Custom []*CustomRule
}

// ReadsConnID reports whether a custom rule reads a connection's ID, which
// is final while reading only with a single Tracker: such a rule set is
// run on one tracker per input, not on Lanes. A nil Config reads none.
func (c *Config) ReadsConnID() bool {
	if c == nil {
		return false
	}
	for _, r := range c.Custom {
		if r.ReadsID {
			return true
		}
	}
	return false
}

// RuleConfig configures one check.
type RuleConfig struct {
	Severity Severity
	// Params override the check's parameter defaults, by name; each
	// must be of the parameter's type and within its bounds (NewEngine
	// refuses the Config otherwise).
	Params map[string]Value
	// Ignore lists scopes in which the check reports nothing.
	Ignore []Scope
}

// Scope selects connections by host (address or name), network, or port,
// on either end. The zero parts match anything; a Scope with nothing set
// matches every connection.
type Scope struct {
	Prefix netip.Prefix // "host 10.0.0.5" (a /32) or "net 10.0.0.0/8"
	Name   string       // "host localhost", for name-resolved text logs
	Port   uint16       // "port 22"
}

// Match reports whether either end of the connection is in the scope.
func (s Scope) Match(r ConnRef) bool {
	return s.matchEnd(r.Client) || s.matchEnd(r.Server)
}

func (s Scope) matchEnd(e tcp.Endpoint) bool {
	if s.Port != 0 && e.Port != s.Port {
		return false
	}
	if s.Prefix.IsValid() && !(e.Addr.IsValid() && s.Prefix.Contains(e.Addr.Unmap())) {
		return false
	}
	if s.Name != "" && e.Name != s.Name {
		return false
	}
	return true
}

// CustomRule is a user-defined rule. The rule-set loader compiles its
// expression once into Eval; the engine calls Eval for every connection
// (On "connection", at its end) or every segment (On "segment").
type CustomRule struct {
	ID       string
	Severity Severity
	On       string // "connection" or "segment"
	Ignore   []Scope
	// Eval reports whether the rule fires, and the message when it does.
	// seg is nil for connection rules. It is safe for concurrent use.
	Eval func(c *Conn, d Dir, seg *tcp.Segment) (fired bool, msg string, err error)
	// ReadsID is set when the rule may read the connection's ID, which is
	// final while reading only with a single Tracker (see Lanes).
	ReadsID bool
}
