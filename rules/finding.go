package rules

import (
	"cmp"
	"slices"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// Finding is one thing a check found wrong or worth knowing in a
// conversation.
type Finding struct {
	Rule     string
	Severity Severity
	// Message is one line with the actual and expected numbers, in
	// English.
	Message string
	// Text is Message before it was put into words, for reports in other
	// languages (Localized); nil for a custom rule's finding, whose
	// message is the user's own. A pointer keeps Finding comparable.
	Text *Text
	// Pos is the segment the finding is about (line for text input,
	// packet for captures).
	Pos  tcp.Pos
	Time time.Time
	Conn ConnRef

	// notShown is, for the finding that sums up a rule's findings
	// beyond its limit, how many it stands for.
	notShown int
}

// NotShown is how many findings of its rule f stands for when it is the
// one that sums up those beyond the rule's limit ("N more … findings not
// shown", at the earliest of them, of any connection); 0 for every other
// finding, and for one read back from a JSON report.
func (f *Finding) NotShown() int { return f.notShown }

// ConnRef names the connection of a finding.
type ConnRef struct {
	ID     int
	Client tcp.Endpoint
	Server tcp.Endpoint

	// open is Conn.open, for Lanes.Number.
	open uint64
}

// Ref returns the reference to c.
func (c *Conn) Ref() ConnRef {
	return ConnRef{ID: c.ID, Client: c.Client, Server: c.Server, open: c.open}
}

// Conn returns a connection that holds only what r says of it: its ID and
// endpoints, for reports that name connections without their details.
func (r ConnRef) Conn() *Conn {
	return &Conn{ID: r.ID, Client: r.Client, Server: r.Server, open: r.open}
}

// SortFindings orders findings by position in the input (file, line or
// packet), then rule ID, then message, so that output is deterministic.
// Findings mostly come in input order already: that costs one pass.
func SortFindings(fs []Finding) {
	if slices.IsSortedFunc(fs, compareFindings) {
		return
	}
	slices.SortStableFunc(fs, compareFindings)
}

// compareFindings orders two findings by file, line, packet, rule and
// message, comparing each only when the ones before are equal.
func compareFindings(a, b Finding) int {
	if c := comparePos(a.Pos, b.Pos); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	return cmp.Compare(a.Message, b.Message)
}

// comparePos orders positions by file, line and packet.
func comparePos(a, b tcp.Pos) int {
	if c := cmp.Compare(a.File, b.File); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Line, b.Line); c != 0 {
		return c
	}
	return cmp.Compare(a.Packet, b.Packet)
}
