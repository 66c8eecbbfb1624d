package explain

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// idleWorthSaying is the pause before a segment that the reading mentions.
const idleWorthSaying = time.Second

// Read explains one segment: a few messages, in the order a reader wants
// them (who and what, the numbers, the window, the flags, the findings),
// ending with the state changes the segment caused.
func Read(st *Step) []Msg {
	d := st.Dir
	r := &reading{st: st, seg: st.Seg, snd: d, rcv: d.Peer(),
		b: &st.Before.Sides[d], pb: &st.Before.Sides[d.Peer()],
		a: &st.After.Sides[d], pa: &st.After.Sides[d.Peer()]}
	if st.Copy {
		r.say(kCopy)
		return r.out
	}
	if idle := r.seg.Time.Sub(st.Before.End); !st.IsNew && idle >= idleWorthSaying {
		r.say(kIdle, Duration(idle))
	}
	r.body()
	r.window()
	r.flagNotes()
	if len(r.out) == 0 {
		r.say(kNothingNew, role(r.snd), r.seg.Flags.String())
	}
	r.findings()
	r.states()
	return r.out
}

// body explains what the segment does, by its flags.
func (r *reading) body() {
	f := r.seg.Flags
	switch {
	case !r.seg.Has(tcp.KnownFlags):
		r.say(kNoFlags, role(r.snd), r.seg.PayloadLen)
		return
	case f.Has(tcp.RST):
		r.reset()
		return
	case f.Has(tcp.SYN) && !f.Has(tcp.ACK):
		r.syn()
	case f.Has(tcp.SYN):
		r.synAck()
	default:
		if r.st.IsNew {
			r.midstream()
		}
		r.closeHeadline()
		if r.isHandshakeAck() {
			r.handshakeAck()
		} else {
			r.ack()
		}
		r.finAcked()
	}
	r.data()
	r.fin()
}

// midstream explains who is who in a connection whose handshake the input
// does not hold.
func (r *reading) midstream() {
	c := r.st.Before
	var why Msg
	switch {
	case c.Flipped || c.Server.Port < 1024 && c.Client.Port >= 1024:
		why = M(kRolePort, c.Server.String(), c.Server.Port, c.Client.String())
	default:
		why = M(kRoleFirst, c.Client.String(), c.Server.String())
	}
	r.say(kMidstream, why)
}

// findings explains each finding at the segment, and those about earlier
// segments reached only now, with a hint on how to read it when the
// catalogue has one for its rule.
func (r *reading) findings() {
	for _, f := range r.st.Findings {
		r.say(kFinding, f.Rule, f.Severity, findingText{f})
		r.hint(f.Rule)
	}
	for _, f := range r.st.Earlier {
		r.say(kFindingAbout, posRef(f.Pos), f.Rule, f.Severity, findingText{f})
		r.hint(f.Rule)
	}
}

// hint says how to read a finding of the rule, when its check has a hint.
func (r *reading) hint(rule string) {
	if h := r.st.Hints[rule]; h != nil && h.En != "" {
		r.say(kHint, rules.Say(h))
	}
}

// findingText is a finding's message in the language of the reading: the
// check's words, or a custom rule's own.
type findingText struct{ f rules.Finding }

// In renders the message in language l.
func (t findingText) In(l rules.Lang) string { return t.f.Localized(l) }

// states lists the RFC 9293 state changes this segment caused, which the
// tracker appended to the connection's transitions while folding it in.
func (r *reading) states() {
	var items []Msg
	for i, t := range r.st.After.Transitions[len(r.st.Before.Transitions):] {
		who := role(t.Endpoint)
		if i == 0 {
			who = roleCap(t.Endpoint)
		}
		items = append(items, M(kStateItem, who, t.From.String(), t.To.String()))
	}
	if len(items) > 0 {
		r.say(kStates, Series(items))
	}
}

// flagNotes explains the flags that have not been explained with the
// numbers: URG and the ECN bits.
func (r *reading) flagNotes() {
	f := r.seg.Flags
	if !r.seg.Has(tcp.KnownFlags) {
		return
	}
	if f.Has(tcp.URG) {
		r.say(kUrgent, r.seg.Urgent)
	}
	switch {
	case f.Has(tcp.SYN) && !f.Has(tcp.ACK) && f.Has(tcp.ECE|tcp.CWR):
		r.say(kECNAsk)
	case f.Has(tcp.SYN|tcp.ACK) && f.Has(tcp.ECE):
		r.say(kECNAgree)
	case f.Has(tcp.SYN):
	default:
		if f.Has(tcp.ECE) {
			r.say(kECE, role(r.rcv))
		}
		if f.Has(tcp.CWR) {
			r.say(kCWR, role(r.snd))
		}
	}
}

// Series is a list of phrases joined with semicolons rather than "and".
type Series []Msg

// isHandshakeAck reports whether the segment is the client's answer to
// the SYN-ACK, the third step of the handshake, right or wrong.
func (r *reading) isHandshakeAck() bool {
	c := r.st.Before
	return r.snd == rules.FromClient && c.SYNACKSeen() && !c.Established() &&
		r.seg.Flags.Has(tcp.ACK) && r.seg.Has(tcp.KnownAck)
}

// since is the time from t to the segment read, or unknownDuration when
// the input gave the segment no time.
func (r *reading) since(t time.Time) Duration {
	if !r.seg.Has(tcp.KnownTime) {
		return unknownDuration
	}
	return Duration(r.seg.Time.Sub(t))
}
