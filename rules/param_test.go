package rules

import (
	"strings"
	"testing"
	"time"
)

func TestValueString(t *testing.T) {
	tests := []struct {
		v    Value
		want string
	}{
		{IntValue(-3), "-3"},
		{BytesValue(16384), "16384"},
		{DurationValue(0), "0s"},
		{DurationValue(time.Second), "1s"},
		{DurationValue(time.Minute), "1m"},
		{DurationValue(time.Hour), "1h"},
		{DurationValue(90 * time.Minute), "1h30m"},
		{DurationValue(time.Hour + time.Nanosecond), "1h0m0.000000001s"},
		{FloatValue(0.5), "0.5"},
		{FloatValue(2), "2"},
		{BoolValue(true), "true"},
		{BoolValue(false), "false"},
		{Value{}, "none"},
	}
	for _, tt := range tests {
		if got := tt.v.String(); got != tt.want {
			t.Errorf("%s value: String() = %q, want %q", tt.v.Type(), got, tt.want)
		}
		if tt.v.Type() == ParamDuration {
			if d, err := time.ParseDuration(tt.want); err != nil || d != tt.v.Duration() {
				t.Errorf("%q reads back as %v, %v", tt.want, d, err)
			}
		}
	}
}

func TestParamCheck(t *testing.T) {
	window := &Param{Name: "window", Default: DurationValue(0), Min: DurationValue(0), Max: DurationValue(time.Minute)}
	ratio := &Param{Name: "ratio", Default: FloatValue(1), Min: FloatValue(0.5)}
	flag := &Param{Name: "flag", Default: BoolValue(false)}
	tests := []struct {
		p    *Param
		v    Value
		want string // "" for none
	}{
		{window, DurationValue(time.Minute), ""},
		{window, DurationValue(-1), "want at least 0s, not -1ns"},
		{window, DurationValue(time.Minute + 1), "want at most 1m, not 1m0.000000001s"},
		{window, IntValue(3), "want a duration, not the int 3"},
		{window, Value{}, "want a duration, not a Value without a type"},
		{ratio, FloatValue(1e9), ""},
		{ratio, FloatValue(0.25), "want at least 0.5, not 0.25"},
		{flag, BoolValue(true), ""},
		{flag, BytesValue(1), "want a bool, not the bytes 1"},
	}
	for _, tt := range tests {
		err := tt.p.Check(tt.v)
		if got := errText(err); got != tt.want {
			t.Errorf("%s.Check(%s %v) = %q, want %q", tt.p.Name, tt.v.Type(), tt.v, got, tt.want)
		}
	}
	for p, want := range map[*Param]string{window: "0s to 1m", ratio: "at least 0.5", flag: "",
		{Max: IntValue(9)}: "at most 9"} {
		if got := p.Bounds(); got != want {
			t.Errorf("%s.Bounds() = %q, want %q", p.Name, got, want)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestEngineParams wants the engine to hand a check its configured
// values, its defaults for the rest and for a Param it does not declare,
// and to refuse a name it does not declare.
func TestEngineParams(t *testing.T) {
	limit := &Param{Name: "limit", Default: IntValue(3), Min: IntValue(0), Max: IntValue(10)}
	wait := &Param{Name: "wait", Default: DurationValue(time.Second), Min: DurationValue(0), Max: DurationValue(time.Hour)}
	stranger := &Param{Name: "stranger", Default: BoolValue(true)}
	c := &Check{ID: "stub", Default: Info, Params: []*Param{limit, wait}}
	cfg := &Config{Rules: map[string]RuleConfig{"stub": {Severity: Info, Params: map[string]Value{"wait": DurationValue(time.Minute)}}}}
	e, err := NewEngine([]*Check{c}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	p := &e.active[0].pass
	if got := p.Param(limit); got != IntValue(3) {
		t.Errorf("limit = %v, want the default 3", got)
	}
	if got := p.Param(wait); got != DurationValue(time.Minute) {
		t.Errorf("wait = %v, want the configured 1m", got)
	}
	if got := p.Param(stranger); got != BoolValue(true) {
		t.Errorf("an undeclared parameter = %v, want its default", got)
	}
	cfg.Rules["stub"] = RuleConfig{Severity: Info, Params: map[string]Value{"wiat": DurationValue(0), "lmit": IntValue(1)}}
	if _, err := NewEngine([]*Check{c}, cfg); err == nil || !strings.Contains(err.Error(), `check stub has no parameter "lmit", "wiat"`) {
		t.Errorf("unknown names: %v", err)
	}
}
