package rules

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// Check is one built-in TCP check: its identity, its documentation and its
// logic. Checks never print, exit or read flags; the Engine feeds them and
// collects what they report. IDs are stable forever (rule files, SARIF and
// baselines name them).
type Check struct {
	ID      string
	Title   string // one line
	Default Severity
	// Doc explains the rationale and the exact definition (Markdown).
	Doc string
	// Triggers is a tcpdump excerpt that raises the finding; Passes one
	// that does not.
	Triggers, Passes string
	// RFC names the RFC sections the check follows.
	RFC string
	// Wireshark says how the check relates to tshark's tcp.analysis.*
	// flags, if it does.
	Wireshark string
	// Params are the check's parameters, each declared once as a
	// package variable that the check reads with Pass.Param.
	Params []*Param
	// Limit caps the findings the check reports per input (0: the
	// engine's MaxPerRule); the rest are counted in one summary finding.
	Limit int
	// Summary words that finding, with %[1]d for the number not shown and
	// %[2]s for the rule ID (explicit indexes, so either may be left out)
	// (default: "%d more <ID> findings not shown").
	Summary *Texts

	// TitleZh is Title in Chinese.
	TitleZh string
	// Hint says how to read a finding of the check, for a reader new to
	// TCP ("Read it as: …"), in every language.
	Hint Texts
	// Messages are every message the check's findings carry, in every
	// language; the check reports with them (Reportf, Report), never with
	// a format of its own, so that a report can be read in any language.
	Messages []*Texts

	// Requires are the analyses the check reads: per-segment work shared
	// with other checks, such as the sequence analysis. The engine runs
	// each on every segment before the Segment hooks, once however many
	// checks require it, and only when an active check does. The check's
	// own state of a connection is a CheckState of its file.
	Requires []*Analysis
	// Segment sees every segment of every connection, before the tracker
	// folds the segment into the connection's state.
	Segment func(p *Pass)
	// SegmentOn, when not zero, promises that Segment does nothing on
	// segments of none of these kinds, so that the engine skips the call.
	// See SegmentKind.
	SegmentOn SegmentKind
	// End sees every connection once, when it ends.
	End func(p *Pass)
	// ReadsPayload, when set, says whether the check reads the segments'
	// bytes (tcp.Segment.Payload) with its parameters, given in a Pass
	// without a connection or segment, once per engine. The pipeline
	// copies each payload out of the reader's buffer, to hand segments to
	// another goroutine, only when an active check reads it
	// (Engine.ReadsPayload); without one, Payload is nil.
	ReadsPayload func(p *Pass) bool
}

// SegmentKind is a set of facts about a segment that checks can limit
// their Segment hook to: its flags, whether it opened its connection, and
// what the analyses of the active checks established (AnalysisKind bits).
// Work that must see every segment belongs in an Analysis, not in a
// hook, so that skipping hooks is always safe.
type SegmentKind uint32

// Segment kinds. SYN, FIN and RST are the flags (whether or not the input
// showed flags: unknown flags are zero).
const (
	OnSYN SegmentKind = 1 << iota
	OnFIN
	OnRST
	OnNew // the segment opened its connection
)

// analysisShift is the first bit of a SegmentKind left to analyses.
const analysisShift = 8

// AnalysisKind is the i-th fact bit an Analysis may report (0 <= i < 24).
func AnalysisKind(i uint) SegmentKind { return 1 << (analysisShift + i) }

// Analysis is per-segment work shared by several checks, such as the
// sequence analysis that tells retransmissions from reordering. It sees
// every segment before the tracker folds it into c and before any check's
// Segment hook, and returns the facts it established as AnalysisKind
// bits, which the hooks' SegmentOn can select. Its state of a connection
// is a CheckState, like a check's.
type Analysis struct {
	Name string
	// Requires are the analyses this one reads: the engine runs them
	// before it.
	Requires []*Analysis
	Segment  func(c *Conn, d Dir, seg *tcp.Segment, isNew bool) SegmentKind
}

// kindOf is the set of kinds seg belongs to by its flags.
func kindOf(seg *tcp.Segment, isNew bool) SegmentKind {
	var k SegmentKind
	if seg.Flags&tcp.SYN != 0 {
		k |= OnSYN
	}
	if seg.Flags&tcp.FIN != 0 {
		k |= OnFIN
	}
	if seg.Flags&tcp.RST != 0 {
		k |= OnRST
	}
	if isNew {
		k |= OnNew
	}
	return k
}

// Pass is what a check sees at one segment, or at the end of a connection
// (then Seg is nil).
type Pass struct {
	Conn  *Conn
	Dir   Dir // the sender of Seg
	Seg   *tcp.Segment
	IsNew bool      // Seg opened Conn
	Why   EndReason // at End: why the connection ended

	check  *Check
	values []Value // the value of each of check.Params
	engine *Engine
	active *activeCheck
}

// Param returns the configured value of prm, one of the check's Params,
// typed and within its bounds since the engine was made; a prm the check
// does not declare reads as its default.
func (p *Pass) Param(prm *Param) Value {
	for i, q := range p.check.Params {
		if q == prm {
			return p.values[i]
		}
	}
	return prm.Default
}

// Report records a finding at an explicit position, for verdicts reached
// after the segment they are about.
func (p *Pass) Report(pos tcp.Pos, t time.Time, msg Text) {
	p.engine.add(p.finding(pos, t, msg), p.active.severity, p.active.ignore, p.check.Limit)
}

// finding is the check's finding at pos with message msg; its English
// Message is composed only when the finding will be kept.
func (p *Pass) finding(pos tcp.Pos, t time.Time, msg Text) Finding {
	f := Finding{Rule: p.check.ID, Pos: pos, Time: t, Conn: p.Conn.Ref()}
	if !p.Capped(pos) {
		f.Text, f.Message = &msg, msg.In(English)
	}
	return f
}

// Reportf records a finding at the current segment (or, at End, at the
// connection's last segment), with the message msg of the check's
// Messages and its arguments.
func (p *Pass) Reportf(msg *Texts, args ...any) {
	pos, t := p.Conn.LastPos, p.Conn.End
	if p.Seg != nil {
		pos, t = p.Seg.Pos, p.Seg.Time
	}
	p.Report(pos, t, Say(msg, args...))
}

// Capped reports whether a finding of the check at pos would not be kept:
// the check has its limit of findings for this input, all earlier than
// pos. Such a finding is only counted in the summary, so a check need not
// compose its message.
func (p *Pass) Capped(pos tcp.Pos) bool { return p.engine.capped(p.check.ID, pos) }

// ReportAtLeast records a finding at pos with severity sev, or the check's
// configured severity when that is higher: for checks whose parameters
// turn a count into a warning (retransmission's max-per-connection).
func (p *Pass) ReportAtLeast(sev Severity, pos tcp.Pos, t time.Time, msg Text) {
	p.engine.add(p.finding(pos, t, msg), max(sev, p.active.severity), p.active.ignore, p.check.Limit)
}

// ReportAtMost records a finding at pos with severity sev, or the check's
// configured severity when that is lower: for checks whose parameters
// turn a finding below a threshold into a note (zero-window's warn-after).
func (p *Pass) ReportAtMost(sev Severity, pos tcp.Pos, t time.Time, msg Text) {
	p.engine.add(p.finding(pos, t, msg), min(sev, p.active.severity), p.active.ignore, p.check.Limit)
}
