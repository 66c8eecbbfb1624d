package rules

import "fmt"

// DefaultMaxPerRule is how many findings of one rule an engine keeps per
// input by default. A SYN flood of a million unanswered connections makes
// a million handshake-incomplete findings; a reader needs the first
// thousand and the count of the rest.
const DefaultMaxPerRule = 1000

// hiddenFindings tallies the findings of one rule beyond its limit.
type hiddenFindings struct {
	first   Finding // the first finding not kept: where the summary sits
	n       int
	limit   int
	worst   Severity
	summary string
}

// limited reports whether f is beyond its rule's limit, counting it then.
// limit is the check's own (0: MaxPerRule, or DefaultMaxPerRule).
func (e *Engine) limited(f *Finding, limit int) bool {
	if limit == 0 {
		limit = e.MaxPerRule
	}
	if limit == 0 {
		limit = DefaultMaxPerRule
	}
	if limit < 0 {
		return false
	}
	if e.hidden == nil {
		e.hidden = map[string]*hiddenFindings{}
	}
	h := e.hidden[f.Rule]
	if h == nil {
		h = &hiddenFindings{limit: limit}
		e.hidden[f.Rule] = h
	}
	if h.limit > 0 {
		h.limit--
		return false
	}
	if h.n == 0 {
		h.first = *f
		h.summary = e.summaryFormat(f.Rule)
	}
	h.n++
	h.worst = max(h.worst, f.Severity)
	return true
}

// capped reports whether rule's next finding would be beyond its limit.
func (e *Engine) capped(rule string) bool {
	h := e.hidden[rule]
	return h != nil && h.limit == 0
}

// summaryFormat is how the summary of a rule's hidden findings reads.
func (e *Engine) summaryFormat(rule string) string {
	for _, a := range e.active {
		if a.check.ID == rule && a.check.Summary != "" {
			return a.check.Summary
		}
	}
	return "%d more " + rule + " findings not shown"
}

// summaries are one finding per rule with hidden findings, at the first
// hidden one, at the highest severity hidden.
func (e *Engine) summaries() []Finding {
	var out []Finding
	for _, h := range e.hidden {
		if h.n == 0 {
			continue
		}
		f := h.first
		f.Severity = h.worst
		f.Message = fmt.Sprintf(h.summary, h.n)
		out = append(out, f)
	}
	return out
}
