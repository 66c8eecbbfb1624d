package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// Engine runs checks and custom rules over the segments the tracker feeds
// it, and collects their findings. It is an Observer: give it to
// NewTracker. Checks run in the same single pass as the tracker.
type Engine struct {
	// MaxPerRule caps the findings kept per rule (DefaultMaxPerRule when
	// 0, no cap when negative); a check's own Limit wins. Those beyond are
	// counted and summed up in one finding, so that a flood of broken
	// connections cannot flood the report.
	MaxPerRule int
	// OnKeep, when set, is called with each finding as the engine keeps
	// it, so that a caller showing findings as they come (explain) need
	// not sort all of them (Findings) after every segment. A finding kept
	// may later give way to an earlier one of its rule beyond the limit;
	// one beyond the limit from the start is only counted.
	OnKeep func(Finding)

	active []*activeCheck
	// analyses are those the active checks require, each once, every
	// one after those it requires.
	analyses []*Analysis
	// segHooks are the Segment hooks of the active checks, laid out for
	// the per-segment loop.
	segHooks []segHook
	// segCustom are the custom rules evaluated on every segment.
	segCustom []*CustomRule
	custom    []*CustomRule
	// rules are the findings so far, by rule ID.
	rules map[string]*ruleFindings
	// Errors are evaluation errors of custom rules, one per rule.
	Errors []error
	// errRules are the rules of Errors, in the same order.
	errRules []string
	failed   map[string]bool
}

// segHook is one check's Segment hook with what the engine needs to call
// it, in one value: the per-segment loop reads no other memory.
type segHook struct {
	on   SegmentKind
	fn   func(*Pass)
	pass *Pass
}

type activeCheck struct {
	check    *Check
	severity Severity
	ignore   []Scope
	// pass is reused for every call, so that running a check allocates
	// nothing per segment.
	pass Pass
}

// NewEngine prepares checks with cfg. It fails on configuration that names
// an unknown check.
func NewEngine(checks []*Check, cfg *Config) (*Engine, error) {
	e := &Engine{failed: map[string]bool{}}
	known := map[string]*Check{}
	for _, c := range checks {
		known[c.ID] = c
	}
	if cfg != nil {
		var unknown []string
		for id := range cfg.Rules {
			if known[id] == nil {
				unknown = append(unknown, id)
			}
		}
		if len(unknown) > 0 {
			sort.Strings(unknown)
			return nil, fmt.Errorf("unknown rule ID %s", strings.Join(unknown, ", "))
		}
		e.custom = cfg.Custom
	}
	for _, c := range checks {
		a := &activeCheck{check: c, severity: c.Default}
		var set map[string]Value
		if cfg != nil {
			if rc, ok := cfg.Rules[c.ID]; ok {
				a.severity, set, a.ignore = rc.Severity, rc.Params, rc.Ignore
			}
		}
		values, err := resolveParams(c, set)
		if err != nil {
			return nil, err
		}
		if a.severity != Off {
			a.pass = Pass{check: c, values: values, engine: e, active: a}
			e.active = append(e.active, a)
		}
	}
	if err := e.prepareHooks(); err != nil {
		return nil, err
	}
	return e, nil
}

// ReadsPayload reports whether an active check reads the segments' bytes
// (Check.ReadsPayload): a pipeline that hands segments to another
// goroutine need not copy their payloads otherwise.
func (e *Engine) ReadsPayload() bool {
	for _, a := range e.active {
		if a.check.ReadsPayload != nil && a.check.ReadsPayload(&a.pass) {
			return true
		}
	}
	return false
}

// prepareHooks lists the analyses, Segment hooks and custom rules to run
// on every segment. It fails when analyses require each other in a
// cycle.
func (e *Engine) prepareHooks() error {
	for _, a := range e.active {
		for _, an := range a.check.Requires {
			if err := e.require(an, nil); err != nil {
				return fmt.Errorf("check %s: %w", a.check.ID, err)
			}
		}
		if a.check.Segment != nil {
			e.segHooks = append(e.segHooks, segHook{on: a.check.SegmentOn, fn: a.check.Segment, pass: &a.pass})
		}
	}
	for _, r := range e.custom {
		if r.On == "segment" {
			e.segCustom = append(e.segCustom, r)
		}
	}
	return nil
}

// require adds an to the analyses to run, after the analyses it requires
// (depth first, so that each runs after those it reads), once however
// many checks require it. path are the analyses that led to an.
func (e *Engine) require(an *Analysis, path []*Analysis) error {
	if slices.Contains(e.analyses, an) {
		return nil
	}
	if slices.Contains(path, an) {
		names := make([]string, 0, len(path)+1)
		for _, p := range path[slices.Index(path, an):] {
			names = append(names, p.Name)
		}
		return fmt.Errorf("analysis %s requires itself (%s)", an.Name, strings.Join(append(names, an.Name), " -> "))
	}
	path = append(path, an)
	for _, dep := range an.Requires {
		if err := e.require(dep, path); err != nil {
			return err
		}
	}
	e.analyses = append(e.analyses, an)
	return nil
}

// Segment runs the analyses, then every active check that wants the
// segment's kind.
func (e *Engine) Segment(c *Conn, d Dir, seg *tcp.Segment, isNew bool) {
	kind := kindOf(seg, isNew)
	for _, an := range e.analyses {
		kind |= an.Segment(c, d, seg, isNew)
	}
	for i := range e.segHooks {
		h := &e.segHooks[i]
		if h.on != 0 && h.on&kind == 0 {
			continue
		}
		p := h.pass
		p.Conn, p.Dir, p.Seg, p.IsNew, p.Why = c, d, seg, isNew, EndOfInput
		h.fn(p)
	}
	for _, r := range e.segCustom {
		e.evalCustom(r, c, d, seg)
	}
}

// End runs every active check on a connection that ended, then releases
// the checks' state of the connection (CheckState).
func (e *Engine) End(c *Conn, why EndReason) {
	for _, a := range e.active {
		if a.check.End != nil {
			p := &a.pass
			p.Conn, p.Dir, p.Seg, p.IsNew, p.Why = c, FromClient, nil, false, why
			a.check.End(p)
		}
	}
	for _, r := range e.custom {
		if r.On != "segment" {
			e.evalCustom(r, c, FromClient, nil)
		}
	}
	// The checks are done with c: let their state go, so that the
	// connections a caller keeps for its report do not keep it too, and
	// hand it back to be reused.
	releaseStates(c)
}

// add records a finding at severity sev unless a scope ignores it; beyond
// its rule's limit (0: MaxPerRule) only the earliest findings are kept,
// and the others counted.
func (e *Engine) add(f Finding, sev Severity, ignore []Scope, limit int) {
	for _, s := range ignore {
		if s.Match(f.Conn) {
			return
		}
	}
	f.Severity = sev
	if e.tally(f.Rule, limit).add(f) && e.OnKeep != nil {
		e.OnKeep(f)
	}
}

func (e *Engine) evalCustom(r *CustomRule, c *Conn, d Dir, seg *tcp.Segment) {
	if e.failed[r.ID] {
		return
	}
	fired, msg, err := r.Eval(c, d, seg)
	if err != nil {
		e.failed[r.ID] = true
		e.Errors = append(e.Errors, fmt.Errorf("custom rule %s: %w", r.ID, err))
		e.errRules = append(e.errRules, r.ID)
		return
	}
	if !fired {
		return
	}
	pos, t := c.LastPos, c.End
	if seg != nil {
		pos, t = seg.Pos, seg.Time
	}
	e.add(Finding{Rule: r.ID, Message: msg, Pos: pos, Time: t, Conn: c.Ref()}, r.Severity, r.Ignore, 0)
}

// Findings returns what was found so far, sorted by position: each rule's
// earliest findings up to its limit, and one summary finding for each rule
// with more.
func (e *Engine) Findings() []Finding { return MergeFindings(e) }
