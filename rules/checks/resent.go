package checks

import "github.com/pcaplint/pcaplint/rules"

// Resent reports whether the sequence analysis found that the segment it
// classified last on c resends sequence space already sent: a
// retransmission, fast or spurious (what retransmission,
// fast-retransmission and spurious-retransmission report; a resent SYN
// too, which syn-retransmitted reports). An Observer that the tracker
// calls after an Engine running the analysis (any of All, or
// SequenceOnly) reads it for the segment at hand, so that its figures
// agree with the findings (rules/stats). Without such an engine it is
// false.
func Resent(c *rules.Conn) bool {
	st := seqStates.Peek(c)
	return st != nil && st.v.class&anyRetransmission != 0
}

// sequenceOnly reports nothing: it only makes an Engine run the sequence
// analysis.
var sequenceOnly = &rules.Check{
	ID:       "sequence-analysis",
	Title:    "The sequence analysis alone, for readers of Resent",
	Default:  rules.Info,
	Requires: seq,
}

// SequenceOnly returns the checks of an Engine that runs the sequence
// analysis and reports nothing, for Resent's readers that want no
// findings (conns --stats): it costs the analysis and no check.
func SequenceOnly() []*rules.Check { return []*rules.Check{sequenceOnly} }
