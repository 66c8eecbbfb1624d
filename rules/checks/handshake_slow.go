package checks

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var handshakeSlow = &rules.Check{
	ID:      "handshake-slow",
	Title:   "The three-way handshake took longer than a limit",
	TitleZh: "三次握手耗时超过上限",
	Hint: rules.Texts{Key: "handshake-slow.hint",
		En: "Read it as: setting up the connection was slow; compare the two halves to see whether the server or the client kept the other waiting.",
		Zh: "解读：建立连接太慢；比较前后两段时间，就能看出是服务器端还是客户端让对方等待。"},
	Messages: []*rules.Texts{handshakeSlowText},
	Default:  rules.Off,
	Doc: `The time from the client's first SYN to the ACK that completes the
handshake exceeds param ` + "`max`" + ` (default 1s). The message splits it into SYN →
SYN-ACK (network plus server accept queue, or SYN retransmissions) and
SYN-ACK → ACK (client side). Off by default: what is slow depends on the
network.`,
	Triggers: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0
10:00:01.500000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 65535, length 0
10:00:01.500100 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 65535, length 0`,
	Passes: `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, length 0
10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 65535, length 0
10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 65535, length 0`,
	RFC:       "RFC 9293 section 3.5",
	Wireshark: "none: compare tcp.analysis.initial_rtt.",
	Params:    []*rules.Param{handshakeSlowMax},
	Requires:  seq,
	SegmentOn: on(beforeEstablished),
	Segment: func(p *rules.Pass) {
		seg, c := p.Seg, p.Conn
		sv := &c.Sides[rules.FromServer]
		if p.Dir != rules.FromClient || !isAckOnly(seg) || c.Established() || c.SYNTime.IsZero() || c.SYNACKTime.IsZero() {
			return
		}
		if seg.Has(tcp.KnownAck) && sv.HasISN && seg.Ack != sv.ISN+1 {
			return
		}
		limit := p.Param(handshakeSlowMax).Duration()
		if total := seg.Time.Sub(c.SYNTime); total > limit {
			p.Reportf(handshakeSlowText,
				dur(total), dur(c.SYNACKTime.Sub(c.SYNTime)), dur(seg.Time.Sub(c.SYNACKTime)), dur(limit))
		}
	},
}

// The messages of handshake-slow, in every language of the reports.
var (
	handshakeSlowText = &rules.Texts{Key: "handshake-slow",
		En: "handshake took %[1]s (SYN → SYN-ACK %[2]s, SYN-ACK → ACK %[3]s), more than max %[4]s",
		Zh: "三次握手用时 %[1]s（SYN → SYN+ACK %[2]s，SYN+ACK → ACK %[3]s），超过了上限 %[4]s"}
)

// handshakeSlowMax is handshake-slow's longest acceptable handshake.
var handshakeSlowMax = &rules.Param{Name: "max", Default: rules.DurationValue(time.Second),
	Min: rules.DurationValue(0), Max: rules.DurationValue(time.Hour), Doc: "longest acceptable SYN → ACK time"}
