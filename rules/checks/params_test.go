package checks

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/ruleset"
)

// TestParams runs annotated captures with non-default parameters.
func TestParams(t *testing.T) {
	tests := []struct {
		name    string
		capture string
		params  map[string]map[string]rules.Value
		rule    string
		want    []string // messages containing these, in order
	}{
		{"max-per-connection turns many retransmissions into a warning", "retransmission/rto.pcap",
			map[string]map[string]rules.Value{"retransmission": {"max-per-connection": rules.IntValue(1)}}, "retransmission",
			[]string{"resends 100 bytes", "resends FIN", "2 retransmissions (client 2, server 0), more than max-per-connection 1"}},
		{"threshold 1 reports every duplicate ACK", "duplicate-ack/dupacks.pcap",
			map[string]map[string]rules.Value{"duplicate-ack": {"threshold": rules.IntValue(1)}}, "duplicate-ack",
			[]string{"#1", "#2", "#3", "#4"}},
		{"a handshake-slow max of 2s accepts a 1.5s handshake", "handshake-slow/slow.pcap",
			map[string]map[string]rules.Value{"handshake-slow": {"max": rules.DurationValue(2 * time.Second)}}, "handshake-slow", nil},
		{"a reorder window of 10µs makes the late segment without stamps a retransmission, not those whose TSval or IP ID says sent first", "out-of-order/reordered.pcap",
			map[string]map[string]rules.Value{"out-of-order": {"window": rules.DurationValue(10 * time.Microsecond)}}, "out-of-order",
			[]string{"(timestamps: TSval 40 < 50 ", "(IP ID: 44 < 45 "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []rules.Finding
			for _, f := range lint(t, filepath.Join(checksTestdata, tt.capture), allAtInfo(tt.params)) {
				if f.Rule == tt.rule {
					got = append(got, f)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d %s findings, want %d: %v", len(got), tt.rule, len(tt.want), got)
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i].Message, w) {
					t.Errorf("finding %d = %q, want it to contain %q", i, got[i].Message, w)
				}
			}
		})
	}
}

// TestMaxPerConnectionIsAWarning wants the count finding at warning although
// the check runs at info.
func TestMaxPerConnectionIsAWarning(t *testing.T) {
	cfg := allAtInfo(map[string]map[string]rules.Value{"retransmission": {"max-per-connection": rules.IntValue(1)}})
	for _, f := range lint(t, filepath.Join(checksTestdata, "retransmission/rto.pcap"), cfg) {
		if strings.Contains(f.Message, "max-per-connection") && f.Severity != rules.Warning {
			t.Errorf("severity %s, want warning", f.Severity)
		}
	}
}

// badParamValues are, for a parameter, YAML values of the wrong type, and
// values just outside its bounds.
func badParamValues(p *rules.Param) (wrongType []string, outOfRange []rules.Value) {
	wrongType = []string{"lots", "[1, 2]", "{a: 1}", "~"}
	switch p.Type() {
	case rules.ParamInt:
		wrongType = append(wrongType, "1.5", "true", "1s", "12KiB")
	case rules.ParamBytes:
		wrongType = append(wrongType, "1.5", "true", "1s", "12KB", "KiB", "-1KiB")
	case rules.ParamDuration:
		wrongType = append(wrongType, "3", "true", "1.5")
	case rules.ParamFloat:
		wrongType = append(wrongType, "true", "1s")
	case rules.ParamBool:
		wrongType = append(wrongType, "1", "yes please")
	}
	step := func(v rules.Value, by int) rules.Value {
		switch v.Type() {
		case rules.ParamInt:
			return rules.IntValue(v.Int() + by)
		case rules.ParamBytes:
			return rules.BytesValue(v.Int() + by)
		case rules.ParamDuration:
			return rules.DurationValue(v.Duration() + time.Duration(by))
		}
		return rules.FloatValue(v.Float() + float64(by)*max(1, math.Abs(v.Float())))
	}
	if p.Min.Type() != 0 {
		outOfRange = append(outOfRange, step(p.Min, -1))
	}
	if p.Max.Type() != 0 {
		outOfRange = append(outOfRange, step(p.Max, 1))
	}
	return wrongType, outOfRange
}

// TestEveryParamIsValidatedWhereWritten gives every parameter of every
// check, from their declarations, values of the wrong type and values
// just outside its bounds in a rule file: each is one error at the
// value's line and column. The engine refuses such values in a Config
// built by hand, with an error rather than a panic.
func TestEveryParamIsValidatedWhereWritten(t *testing.T) {
	checks := append(All(), Limits()...)
	for _, c := range checks {
		for _, p := range c.Params {
			t.Run(c.ID+"/"+p.Name, func(t *testing.T) {
				if p.Type() == 0 {
					t.Fatal("no type: the default is the zero Value")
				}
				if err := p.Check(p.Default); err != nil {
					t.Fatalf("the default is refused: %v", err)
				}
				for _, b := range []rules.Value{p.Min, p.Max} {
					if b.Type() != 0 && b.Type() != p.Type() {
						t.Errorf("bound %v is a %s, the parameter a %s", b, b.Type(), p.Type())
					}
				}
				if p.Type() != rules.ParamBool && (p.Min.Type() == 0 || p.Max.Type() == 0) {
					t.Errorf("a %s parameter needs both bounds, has %q", p.Type(), p.Bounds())
				}
				wrongType, outOfRange := badParamValues(p)
				yamlValues := wrongType
				for _, v := range outOfRange {
					yamlValues = append(yamlValues, v.String())
				}
				for _, v := range yamlValues {
					src := "rules:\n  " + c.ID + ":\n    params:\n      " + p.Name + ": " + v + "\n"
					_, err := ruleset.Parse("rules.yaml", []byte(src), checks)
					var list ruleset.ErrorList
					if !errors.As(err, &list) || len(list) != 1 {
						t.Errorf("%s: got %v, want one error", v, err)
						continue
					}
					want := fmt.Sprintf("rules.yaml:4:%d: %s: parameter %s: want ", 9+len(p.Name), c.ID, p.Name)
					if !strings.HasPrefix(list[0].Error(), want) {
						t.Errorf("%s: got %q, want it to start %q", v, list[0].Error(), want)
					}
				}
				other := rules.BoolValue(true)
				if p.Type() == rules.ParamBool {
					other = rules.IntValue(1)
				}
				for _, v := range append(outOfRange, other) {
					cfg := &rules.Config{Rules: map[string]rules.RuleConfig{
						c.ID: {Severity: rules.Info, Params: map[string]rules.Value{p.Name: v}}}}
					if _, err := rules.NewEngine(checks, cfg); err == nil || !strings.Contains(err.Error(), "parameter "+p.Name) {
						t.Errorf("the engine took %s %v: %v", v.Type(), v, err)
					}
				}
			})
		}
	}
}
