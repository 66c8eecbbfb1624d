package rules

import (
	"sort"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// DefaultMaxPerRule is how many findings of one rule an engine keeps per
// input by default. A SYN flood of a million unanswered connections makes
// a million handshake-incomplete findings; a reader needs the first
// thousand and the count of the rest.
const DefaultMaxPerRule = 1000

// ruleFindings are the findings of one rule: the earliest ones in the
// input up to the rule's limit, and a tally of the others. Keeping the
// earliest by position, rather than the first reported, makes what is kept
// independent of the order connections end in, so that engines that each
// saw a share of the connections merge into the same report as one engine
// that saw them all.
type ruleFindings struct {
	// limit caps kept; negative: no cap.
	limit int
	// kept are the findings kept; once limit of them are kept it is a
	// heap whose root is the latest by position (compareFindings).
	kept []Finding
	// hidden counts the findings not kept; first is the earliest of them
	// (where the summary sits) and worst their highest severity.
	hidden  int
	first   Finding
	worst   Severity
	summary *Texts
}

// full reports whether rf keeps no more findings without dropping one.
func (rf *ruleFindings) full() bool { return rf.limit >= 0 && len(rf.kept) >= rf.limit }

// after reports whether a finding at pos would come after every kept one,
// and so would not be kept by a full rf. A finding at the same position as
// the latest kept one is not after it: its message decides.
func (rf *ruleFindings) after(pos tcp.Pos) bool {
	return rf.full() && comparePos(pos, rf.kept[0].Pos) > 0
}

// add keeps f or counts it, whichever keeps the earliest findings, and
// reports whether f is kept (a later one may have been counted instead).
func (rf *ruleFindings) add(f Finding) bool {
	if !rf.full() {
		rf.kept = append(rf.kept, f)
		if rf.full() {
			heapify(rf.kept)
		}
		return true
	}
	kept := false
	if rf.limit > 0 && compareFindings(f, rf.kept[0]) < 0 {
		f, rf.kept[0] = rf.kept[0], f
		siftDown(rf.kept, 0)
		kept = true
	}
	rf.hide(f, 1)
	return kept
}

// hide counts n findings not kept, f the earliest of them.
func (rf *ruleFindings) hide(f Finding, n int) {
	if rf.hidden == 0 || compareFindings(f, rf.first) < 0 {
		rf.first = f
	}
	rf.hidden += n
	rf.worst = max(rf.worst, f.Severity)
}

// heapify orders fs as a heap with the latest finding at the root.
func heapify(fs []Finding) {
	for i := len(fs)/2 - 1; i >= 0; i-- {
		siftDown(fs, i)
	}
}

func siftDown(fs []Finding, i int) {
	for {
		l, r, top := 2*i+1, 2*i+2, i
		if l < len(fs) && compareFindings(fs[l], fs[top]) > 0 {
			top = l
		}
		if r < len(fs) && compareFindings(fs[r], fs[top]) > 0 {
			top = r
		}
		if top == i {
			return
		}
		fs[i], fs[top] = fs[top], fs[i]
		i = top
	}
}

// limitOf is the cap on findings of a rule whose check sets limit (0:
// the engine's MaxPerRule, or DefaultMaxPerRule).
func (e *Engine) limitOf(limit int) int {
	if limit == 0 {
		limit = e.MaxPerRule
	}
	if limit == 0 {
		limit = DefaultMaxPerRule
	}
	return limit
}

// tally returns the findings of rule, creating them with the given limit.
func (e *Engine) tally(rule string, limit int) *ruleFindings {
	rf := e.rules[rule]
	if rf == nil {
		if e.rules == nil {
			e.rules = map[string]*ruleFindings{}
		}
		rf = &ruleFindings{limit: e.limitOf(limit), summary: e.summaryFormat(rule)}
		e.rules[rule] = rf
	}
	return rf
}

// capped reports whether a finding of rule at pos would not be kept.
func (e *Engine) capped(rule string, pos tcp.Pos) bool {
	rf := e.rules[rule]
	return rf != nil && rf.after(pos)
}

// moreNotShown is the summary of a rule's hidden findings unless its
// check words it otherwise.
var moreNotShown = &Texts{Key: "more-not-shown",
	En: "%[1]d more %[2]s findings not shown",
	Zh: "另有 %[1]d 条 %[2]s 检查发现未显示"}

// summaryFormat is how the summary of a rule's hidden findings reads.
func (e *Engine) summaryFormat(rule string) *Texts {
	for _, a := range e.active {
		if a.check.ID == rule && a.check.Summary != nil {
			return a.check.Summary
		}
	}
	return moreNotShown
}

// MergeFindings returns the findings of engines that each saw a share of
// an input's connections (see Lanes), as one engine that saw them all
// would: sorted by position, each rule's earliest findings up to its
// limit, and one summary finding per rule for the rest. The engines must
// have been made with the same checks and configuration.
func MergeFindings(engines ...*Engine) []Finding {
	merged := map[string]*ruleFindings{}
	for _, e := range engines {
		for rule, rf := range e.rules {
			m := merged[rule]
			if m == nil {
				m = &ruleFindings{limit: rf.limit, summary: rf.summary}
				merged[rule] = m
			}
			m.kept = append(m.kept, rf.kept...)
			if rf.hidden > 0 {
				m.hide(rf.first, rf.hidden)
				m.worst = max(m.worst, rf.worst)
			}
		}
	}
	rules := make([]string, 0, len(merged))
	for rule := range merged {
		rules = append(rules, rule)
	}
	sort.Strings(rules)
	var out []Finding
	for _, rule := range rules {
		m := merged[rule]
		if m.limit >= 0 && len(m.kept) > m.limit {
			SortFindings(m.kept)
			for _, f := range m.kept[m.limit:] {
				m.hide(f, 1)
			}
			m.kept = m.kept[:m.limit]
		}
		out = append(out, m.kept...)
		if m.hidden > 0 {
			f := m.first
			f.Severity = m.worst
			text := Say(m.summary, m.hidden, rule)
			f.Text, f.Message = &text, text.In(English)
			f.notShown = m.hidden
			out = append(out, f)
		}
	}
	SortFindings(out)
	return out
}
