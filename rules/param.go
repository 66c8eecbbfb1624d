package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ParamType is the type of a check parameter's value. A rule file's value
// is converted to it once, when the rule set is loaded (ruleset); the
// engine checks a Config built by hand the same way (NewEngine), so that
// a check reads its parameters with no conversion and nothing to fail.
type ParamType uint8

// Parameter types.
const (
	// ParamInt is a whole number.
	ParamInt ParamType = iota + 1
	// ParamBytes is a whole number of bytes.
	ParamBytes
	// ParamDuration is a time.Duration.
	ParamDuration
	// ParamFloat is a float64.
	ParamFloat
	// ParamBool is true or false.
	ParamBool
)

// String names the type as docs/rules.md and errors do.
func (t ParamType) String() string {
	switch t {
	case ParamInt:
		return "int"
	case ParamBytes:
		return "bytes"
	case ParamDuration:
		return "duration"
	case ParamFloat:
		return "float"
	case ParamBool:
		return "bool"
	}
	return "none"
}

// Value is a check parameter's value, of one ParamType. The zero Value has
// no type; as a Param's Min or Max it means no bound. Values compare with
// ==.
type Value struct {
	typ ParamType
	n   int64   // ParamInt, ParamBytes, ParamDuration (ns), ParamBool (1: true)
	f   float64 // ParamFloat
}

// IntValue is a ParamInt value.
func IntValue(v int) Value { return Value{typ: ParamInt, n: int64(v)} }

// BytesValue is a ParamBytes value.
func BytesValue(v int) Value { return Value{typ: ParamBytes, n: int64(v)} }

// DurationValue is a ParamDuration value.
func DurationValue(d time.Duration) Value { return Value{typ: ParamDuration, n: int64(d)} }

// FloatValue is a ParamFloat value.
func FloatValue(v float64) Value { return Value{typ: ParamFloat, f: v} }

// BoolValue is a ParamBool value.
func BoolValue(v bool) Value {
	if v {
		return Value{typ: ParamBool, n: 1}
	}
	return Value{typ: ParamBool}
}

// Type is the value's type (0 for the zero Value).
func (v Value) Type() ParamType { return v.typ }

// Int is a ParamInt or ParamBytes value.
func (v Value) Int() int { return int(v.n) }

// Duration is a ParamDuration value.
func (v Value) Duration() time.Duration { return time.Duration(v.n) }

// Float is a ParamFloat value.
func (v Value) Float() float64 { return v.f }

// Bool is a ParamBool value.
func (v Value) Bool() bool { return v.n != 0 }

// String writes the value as a rule file may give it: 3, 16384, 1s, 0.5,
// true.
func (v Value) String() string {
	switch v.typ {
	case ParamInt, ParamBytes:
		return strconv.FormatInt(v.n, 10)
	case ParamDuration:
		// 1h and 1m rather than 1h0m0s and 1m0s.
		d := time.Duration(v.n).String()
		if strings.HasSuffix(d, "m0s") {
			d = d[:len(d)-2]
		}
		if strings.HasSuffix(d, "h0m") {
			d = d[:len(d)-2]
		}
		return d
	case ParamFloat:
		return strconv.FormatFloat(v.f, 'g', -1, 64)
	case ParamBool:
		return strconv.FormatBool(v.n != 0)
	}
	return "none"
}

// less reports whether v is below w, both of one type.
func (v Value) less(w Value) bool {
	if v.typ == ParamFloat {
		return v.f < w.f
	}
	return v.n < w.n
}

// Param is a documented, typed parameter of a check. A check declares
// each parameter as a package variable and reads its value with
// Pass.Param, so a parameter read is a pointer comparison, never a
// conversion.
type Param struct {
	Name string
	// Default is the value when no rule set gives one; its type is the
	// parameter's type.
	Default Value
	// Min and Max bound the value, both included; the zero Value is no
	// bound. A rule file's value outside them is refused where it is
	// written.
	Min, Max Value
	Doc      string
}

// Type is the parameter's type, that of its default.
func (p *Param) Type() ParamType { return p.Default.typ }

// Check reports whether v is a value the parameter takes: of its type and
// within its bounds. The error says what is wanted, for "parameter X: …".
func (p *Param) Check(v Value) error {
	if v.typ == 0 {
		return fmt.Errorf("want a %s, not a Value without a type", p.Type())
	}
	if v.typ != p.Type() {
		return fmt.Errorf("want a %s, not the %s %s", p.Type(), v.typ, v)
	}
	if p.Min.typ != 0 && v.less(p.Min) {
		return fmt.Errorf("want at least %s, not %s", p.Min, v)
	}
	if p.Max.typ != 0 && p.Max.less(v) {
		return fmt.Errorf("want at most %s, not %s", p.Max, v)
	}
	return nil
}

// Bounds says the parameter's bounds as docs/rules.md shows them: "1 to
// 1000", "at least 0", or "" when it has none.
func (p *Param) Bounds() string {
	switch lo, hi := p.Min.typ != 0, p.Max.typ != 0; {
	case lo && hi:
		return p.Min.String() + " to " + p.Max.String()
	case lo:
		return "at least " + p.Min.String()
	case hi:
		return "at most " + p.Max.String()
	}
	return ""
}

// resolveParams is the value of each of c's parameters, in the order of
// c.Params, from set over the defaults; it fails on a name c does not
// declare or a value Param.Check refuses.
func resolveParams(c *Check, set map[string]Value) ([]Value, error) {
	if len(c.Params) == 0 && len(set) == 0 {
		return nil, nil
	}
	out := make([]Value, len(c.Params))
	found := 0
	for i, p := range c.Params {
		v, ok := set[p.Name]
		if !ok {
			out[i] = p.Default
			continue
		}
		if err := p.Check(v); err != nil {
			return nil, fmt.Errorf("check %s: parameter %s: %v", c.ID, p.Name, err)
		}
		out[i] = v
		found++
	}
	if found < len(set) {
		var unknown []string
		for name := range set {
			if c.paramIndex(name) < 0 {
				unknown = append(unknown, strconv.Quote(name))
			}
		}
		slices.Sort(unknown)
		return nil, fmt.Errorf("check %s has no parameter %s", c.ID, strings.Join(unknown, ", "))
	}
	return out, nil
}

// paramIndex is the index of the parameter called name in c.Params, or -1.
func (c *Check) paramIndex(name string) int {
	for i, p := range c.Params {
		if p.Name == name {
			return i
		}
	}
	return -1
}
