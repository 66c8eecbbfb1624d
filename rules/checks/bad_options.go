package checks

import (
	"fmt"
	"strings"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// maxWScale is the largest window scale shift (RFC 7323 section 2.3).
const maxWScale = 14

var badOptions = &rules.Check{
	ID:      "bad-options",
	Title:   "TCP options that break the rules",
	Default: rules.Warning,
	Doc: `Options a correct stack never sends:

- MSS or window scale on a segment without SYN (RFC 9293 section 3.7.1,
  RFC 7323 section 2.2: they are only meaningful in the handshake);
- a window scale above 14 (RFC 7323 section 2.3: the receiver uses 14);
- a SACK block that is empty or inverted, or that reaches beyond what the
  peer sent (` + "`right > peer.nxt`" + `; D-SACK blocks below the ack are allowed,
  RFC 2883);
- an option whose length byte is wrong for its kind, or runs past the header.`,
	Triggers:  `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 502, options [mss 1460], length 0`,
	Passes:    `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 65535, options [mss 1460,wscale 7], length 0`,
	RFC:       "RFC 9293 section 3.2 and 3.7.1, RFC 7323 section 2, RFC 2018 section 3, RFC 2883",
	Wireshark: "none: Wireshark's expert info notes malformed options (tcp.option.len.invalid) only.",
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg := p.Seg
		if !seg.Has(tcp.KnownOptions|tcp.KnownFlags) || seg.Options.Has == 0 {
			return
		}
		var probs [3 + tcp.MaxSACKBlocks]string
		n := 0
		add := func(s string) { probs[n] = s; n++ }
		o := &seg.Options
		syn := seg.Flags&tcp.SYN != 0
		if !syn && o.Has&(tcp.OptMSS|tcp.OptWScale) != 0 {
			add("MSS or window scale option on a segment without SYN")
		}
		if syn && o.Has&tcp.OptWScale != 0 && o.WScale > maxWScale {
			add(fmt.Sprintf("window scale %d, more than %d", o.WScale, maxWScale))
		}
		if o.Has&tcp.OptMalformed != 0 {
			add("an option length is wrong for its kind or runs past the header")
		}
		pd := p.Dir.Peer()
		peer := &p.Conn.Sides[pd]
		for _, b := range o.SACKBlocks() {
			switch {
			case !tcp.SeqLess(b.Left, b.Right):
				add(fmt.Sprintf("SACK block %s-%s is empty or inverted", st.seqOf(pd, b.Left), st.seqOf(pd, b.Right)))
			case peer.HasNxt && tcp.SeqLess(peer.Nxt, b.Right):
				add(fmt.Sprintf("SACK block %s-%s reaches beyond %s's nxt %s", st.seqOf(pd, b.Left), st.seqOf(pd, b.Right), who(p.Conn, pd), st.seqOf(pd, peer.Nxt)))
			}
		}
		if n > 0 {
			p.Reportf("%s", strings.Join(probs[:n], "; "))
		}
	}),
}
