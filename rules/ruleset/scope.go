package ruleset

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/pcaplint/pcaplint/rules"
)

var scopeKinds = []string{"host", "net", "port"}

// ScopeError is an error in a scope's text, at the word it is about.
type ScopeError struct {
	// Col is the 1-based byte column of that word in the scope's text.
	Col int
	Err error
}

// Error is the error without its column, as rule files print it beside
// their own file:line:col.
func (e *ScopeError) Error() string { return e.Err.Error() }

// Unwrap returns the error.
func (e *ScopeError) Unwrap() error { return e.Err }

// ParseScope reads a scope selector in tcpdump's words: "host 10.0.0.5",
// "host db.example" (a name, for name-resolved text logs), "net
// 10.0.0.0/8", "port 22", or several joined by "and" ("host 10.0.0.5 and
// port 22"), which must then hold on the same end of the connection. Its
// errors are *ScopeError, with the column of the word in question.
func ParseScope(s string) (rules.Scope, error) {
	var sc rules.Scope
	words, cols := fields(s)
	at := func(w int, format string, args ...any) error {
		return &ScopeError{Col: cols[min(w, len(cols)-1)], Err: fmt.Errorf(format, args...)}
	}
	if len(words) == 0 {
		return sc, &ScopeError{Col: 1, Err: fmt.Errorf("empty scope (want host, net or port followed by a value)")}
	}
	seen := map[string]int{}
	for i := 0; i < len(words); i += 2 {
		if i > 0 {
			if words[i] != "and" {
				return sc, at(i, "scope %s: want \"and\" between selectors, not %s", quoteValue(s), quoteValue(words[i]))
			}
			i++
		}
		if i+1 >= len(words) {
			return sc, at(i, "scope %s: %s needs a value", quoteValue(s), quoteValue(words[min(i, len(words)-1)]))
		}
		kind, val := words[i], words[i+1]
		if _, ok := seen[kind]; ok {
			return sc, at(i, "scope %s: %s given twice", quoteValue(s), kind)
		}
		seen[kind] = i
		if err := setScope(&sc, kind, val); err != nil {
			w := i + 1
			if !slices.Contains(scopeKinds, kind) {
				w = i
			}
			return sc, at(w, "scope %s: %w", quoteValue(s), err)
		}
	}
	if h, ok := seen["host"]; ok {
		if n, ok := seen["net"]; ok {
			return sc, at(max(h, n), "scope %s: host and net cannot both be given", quoteValue(s))
		}
	}
	return sc, nil
}

// fields is strings.Fields with the 1-based byte column of each field.
func fields(s string) (words []string, cols []int) {
	start := -1
	for i, r := range s + " " {
		switch {
		case unicode.IsSpace(r) && start >= 0:
			words, cols = append(words, s[start:i]), append(cols, start+1)
			start = -1
		case !unicode.IsSpace(r) && start < 0:
			start = i
		}
	}
	return words, cols
}

func setScope(sc *rules.Scope, kind, val string) error {
	switch kind {
	case "host":
		if a, err := netip.ParseAddr(val); err == nil {
			a = a.Unmap()
			sc.Prefix = netip.PrefixFrom(a, a.BitLen())
			return nil
		}
		// RFC 1035 section 2.3.4: a name is at most 255 octets on the
		// wire, 253 characters as text.
		if strings.ContainsAny(val, "/:") || len(val) > 253 {
			return fmt.Errorf("host %s is neither an address nor a host name", quoteValue(val))
		}
		sc.Name = val
	case "net":
		p, err := netip.ParsePrefix(val)
		if err != nil {
			return fmt.Errorf("net %s is not a network like 10.0.0.0/8", quoteValue(val))
		}
		if p.Addr().Is4In6() && p.Bits() >= 96 {
			p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
		}
		sc.Prefix = p.Masked()
	case "port":
		n, err := strconv.ParseUint(val, 10, 16)
		if err != nil || n == 0 {
			return fmt.Errorf("port %s is not a number from 1 to 65535", quoteValue(val))
		}
		sc.Port = uint16(n)
	default:
		return fmt.Errorf("unknown selector %s (want host, net or port)%s", quoteValue(kind), Suggest(kind, scopeKinds))
	}
	return nil
}
