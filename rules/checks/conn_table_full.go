package checks

import "github.com/pcaplint/pcaplint/rules"

var connTableFull = &rules.Check{
	ID:      "conn-table-full",
	Title:   "The connection table was full: connections were evicted",
	Default: rules.Warning,
	Doc: `pcaplint keeps at most a fixed number of live connections (200,000 by
default), so that a SYN flood or a scan of a million ports runs in bounded
memory. The table is split among four trackers by a hash of the 4-tuple,
each holding a quarter of the cap. When a new 4-tuple arrives at a full
quarter, the connection of that quarter seen least recently is evicted: its checks judge it on what was seen so far
(a handshake may look incomplete because its answer came later), and a
later segment on its 4-tuple opens a new connection without its SYN.

The finding sits on the last segment of the first evicted connection; one
more finding counts the other evictions. Eviction itself is no TCP fault:
it says the capture holds more concurrent connections than pcaplint tracks,
and that the findings about them are less certain.`,
	Triggers: `(200,001 SYNs from distinct ports, none answered)
10:00:00.000000 IP 10.0.0.1.1024 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0
...
10:00:00.500000 IP 10.0.7.162.41728 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0`,
	Passes:    `10:00:00.000000 IP 10.0.0.1.1024 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0`,
	RFC:       "none: a limit of pcaplint, not of TCP",
	Wireshark: "none: Wireshark keeps every conversation in memory.",
	Limit:     1,
	Summary:   "%d more connections evicted from the full connection table",
	End: func(p *rules.Pass) {
		if p.Why == rules.EndEvicted {
			p.Reportf("connection table full: this connection, the least recently seen, was evicted after %d packets; checks judged it on those", p.Conn.Packets())
		}
	},
}
