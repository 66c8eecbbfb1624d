package explain

import (
	"github.com/pcaplint/pcaplint/rules"
)

// Summarize explains a connection as a whole once it has ended: who
// connected to whom, the handshake round-trip time, the bytes each way,
// how it ended, and its findings (all of them, including those already
// explained at their segments).
func Summarize(c *rules.Conn, findings []rules.Finding) []Msg {
	e := newEnded(c)
	return e.summarize(findings)
}

// summarize is Summarize of what the summary reads of a connection.
func (e *ended) summarize(findings []rules.Finding) []Msg {
	var out []Msg
	say := func(k Key, args ...any) { out = append(out, M(k, args...)) }
	head := e.head
	say(head, e.id, e.client, e.server)
	if e.rtt > 0 || Duration(e.rtt) == unknownDuration {
		say(kSumRTT, Duration(e.rtt))
	} else if head == kSumHead || head == kSumHeadMid {
		say(kSumNoRTT) // a refused or unanswered SYN had no handshake to time
	}
	say(kSumBytes, e.clientBytes, e.serverBytes, e.packets, Duration(e.duration))
	say(kSumEnd, e.zeek, M(Key("zeek."+e.zeek)))
	say(kSumStates, e.clientState, e.serverState)
	if len(findings) == 0 {
		say(kSumNoFindings)
		return out
	}
	say(kSumFindings, countRules(findings))
	return out
}

// headKey is the summary's first sentence for how the connection began:
// mid-stream, refused (Zeek's REJ: a SYN answered by RST, so no handshake
// took place), a SYN never answered (S0), or connected.
func headKey(c *rules.Conn) Key {
	switch {
	case c.Midstream:
		return kSumHeadMid
	case c.ZeekState() == "REJ" && !c.Established():
		return kSumHeadRefused
	case c.ZeekState() == "S0":
		return kSumHeadUnanswered
	}
	return kSumHead
}

// countRules lists the rules of findings with their counts, in the order
// they first occur.
func countRules(fs []rules.Finding) List {
	counts := map[string]int{}
	var order []string
	for _, f := range fs {
		if counts[f.Rule] == 0 {
			order = append(order, f.Rule)
		}
		counts[f.Rule]++
	}
	var items List
	for _, id := range order {
		items = append(items, M(kRuleCount, id, counts[id]))
	}
	return items
}
