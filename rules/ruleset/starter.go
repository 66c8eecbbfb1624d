package ruleset

import (
	"fmt"
	"strings"

	"github.com/pcaplint/pcaplint/rules"
)

// Starter returns a commented starter rule file for checks: the default set,
// every check listed with its default severity (commented out), and an
// example custom rule (commented out). It loads as the default set.
func Starter(checks []*rules.Check) []byte {
	var b strings.Builder
	b.WriteString(`# pcaplint rule set. pcaplint lint reads the nearest .pcaplint.yaml in the
# current directory or a parent; --rules FILE names another, and
# --rule ID=severity overrides one rule from the command line.
# "pcaplint rules list" lists the checks, "pcaplint rules show ID" explains one.
version: 1

# Start from a built-in set: default (each check at its default severity),
# strict (every check on, at warning at least) or minimal (only what breaks
# a conversation); or from another rule file, by a path relative to this one.
extends: default

rules:
  # Severities: error, warning, info, or off. Uncomment to change one.
`)
	for _, c := range checks {
		fmt.Fprintf(&b, "  # %s: %s", c.ID, c.Default)
		if c.Title != "" {
			fmt.Fprintf(&b, "  # %s", c.Title)
		}
		b.WriteString("\n")
	}
	b.WriteString(`  #
  # The long form sets parameters and ignores hosts, networks or ports:
  # retransmission:
  #   severity: warning
  #   params: {max-per-connection: 3}
  #   ignore: ["port 22", "host 10.0.0.5", "net 10.0.0.0/8"]

# Custom rules are expressions over the connection (on: connection, at its
# end) or over each segment (on: segment); see docs/config.md.
# custom:
#   - id: api-slow-handshake
#     severity: warning
#     on: connection
#     when: conn.handshake_rtt > duration("200ms") && conn.server.port == 8080
#     message: "handshake to {{conn.server}} took {{conn.handshake_rtt}}"
`)
	return []byte(b.String())
}
