package checks

import "github.com/pcaplint/pcaplint/rules"

var connTableFull = &rules.Check{
	ID:      "conn-table-full",
	Title:   "The connection table was full: connections were evicted",
	TitleZh: "连接表已满：有连接被逐出",
	Hint: rules.Texts{Key: "conn-table-full.hint",
		En: "Read it as: a limit of pcaplint, not a TCP fault: more connections were open at once than it tracks, so this one was judged on the packets seen so far.",
		Zh: "解读：这是 pcaplint 自身的限制，不是 TCP 故障：同时打开的连接超过了它能跟踪的数量，这个连接只按已看到的包来判断。"},
	Messages: []*rules.Texts{connTableFullText, connTableFullSummary},
	Default:  rules.Warning,
	Doc: `pcaplint keeps at most a fixed number of live connections (40,000 by
default, --max-conns), so that a SYN flood or a scan of a million ports runs in bounded
memory. The table is split among four trackers by a hash of the 4-tuple,
each holding a quarter of the cap. When a new 4-tuple arrives at a full
quarter, the connection of that quarter seen least recently is evicted: its checks judge it on what was seen so far
(a handshake may look incomplete because its answer came later), and a
later segment on its 4-tuple opens a new connection without its SYN.

The finding sits on the last segment of the first evicted connection; one
more finding counts the other evictions. Eviction itself is no TCP fault:
it says the capture holds more concurrent connections than pcaplint tracks,
and that the findings about them are less certain.`,
	Triggers: `(40,001 SYNs from distinct ports, none answered)
10:00:00.000000 IP 10.0.0.1.1024 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0
...
10:00:00.100000 IP 10.0.0.1.41024 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0`,
	Passes:    `10:00:00.000000 IP 10.0.0.1.1024 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0`,
	RFC:       "none: a limit of pcaplint, not of TCP",
	Wireshark: "none: Wireshark keeps every conversation in memory.",
	Limit:     1,
	Summary:   connTableFullSummary,
	End: func(p *rules.Pass) {
		if p.Why == rules.EndEvicted {
			p.Reportf(connTableFullText, p.Conn.Packets())
		}
	},
}

// The messages of conn-table-full, in every language of the reports.
var (
	connTableFullText = &rules.Texts{Key: "conn-table-full",
		En: "connection table full: this connection, the least recently seen, was evicted after %[1]d packets; checks judged it on those",
		Zh: "连接表已满：这个最久没有活动的连接在 %[1]d 个包之后被逐出，检查只依据这些包作出判断"}
	connTableFullSummary = &rules.Texts{Key: "conn-table-full.more",
		En: "%[1]d more connections evicted from the full connection table",
		Zh: "另有 %[1]d 个连接因连接表已满而被逐出"}
)
