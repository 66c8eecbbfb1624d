package pipeline_test

import (
	"context"
	"slices"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

// payloadSeen is an observer that counts the segments it sees with bytes.
type payloadSeen struct{ n int }

func (p *payloadSeen) Segment(_ *rules.Conn, _ rules.Dir, seg *tcp.Segment, _ bool) {
	if len(seg.Payload) > 0 {
		p.n++
	}
}

func (p *payloadSeen) End(*rules.Conn, rules.EndReason) {}

// TestPayloadCopiedOnlyForTheCheckThatReadsIt: segments handed to another
// goroutine (read ahead, or to lanes) carry their bytes only when
// retransmission-inconsistent, the one check that reads them, is on (and
// its max-bytes is not 0) or the options ask for them; with it on, its
// findings are those of a run that reads the source directly.
func TestPayloadCopiedOnlyForTheCheckThatReadsIt(t *testing.T) {
	const path = "../../testdata/checks/retransmission-inconsistent/rewritten.pcap"
	engine := func(cfg *rules.Config) func() (*rules.Engine, error) {
		return func() (*rules.Engine, error) { return rules.NewEngine(checks.All(), cfg) }
	}
	off := &rules.Config{Rules: map[string]rules.RuleConfig{"retransmission-inconsistent": {Severity: rules.Off}}}
	zero := &rules.Config{Rules: map[string]rules.RuleConfig{"retransmission-inconsistent": {
		Severity: rules.Warning, Params: map[string]rules.Value{"max-bytes": rules.BytesValue(0)}}}}
	rule := func(fs []rules.Finding) []string {
		var out []string
		for _, f := range fs {
			if f.Rule == "retransmission-inconsistent" {
				out = append(out, f.Pos.String()+" "+f.Message)
			}
		}
		return out
	}
	direct := pipeline.File(context.Background(), path, pipeline.Options{Unbuffered: true, NewEngine: engine(nil)})
	want := rule(direct.Findings)
	if len(want) == 0 {
		t.Fatalf("%s: no retransmission-inconsistent finding read directly: %v", path, direct.Err)
	}
	for _, lanes := range []bool{false, true} {
		for _, tt := range []struct {
			name    string
			cfg     *rules.Config
			payload bool // Options.Payload
			copied  bool
		}{
			{"rule on", nil, false, true},
			{"rule off", off, false, false},
			{"max-bytes 0", zero, false, false},
			{"rule off, payload asked for", off, true, true},
		} {
			seen := make([]*payloadSeen, rules.DefaultLanes)
			res := pipeline.File(context.Background(), path, pipeline.Options{
				Lanes: lanes, NewEngine: engine(tt.cfg), Payload: tt.payload,
				Observers: func(i int) []rules.Observer {
					seen[i] = &payloadSeen{}
					return []rules.Observer{seen[i]}
				},
			})
			if res.Err != nil {
				t.Fatalf("%s, lanes %v: %v", tt.name, lanes, res.Err)
			}
			n := 0
			for _, s := range seen {
				if s != nil {
					n += s.n
				}
			}
			if (n > 0) != tt.copied {
				t.Errorf("%s, lanes %v: %d segments carried their bytes, want copied %v", tt.name, lanes, n, tt.copied)
			}
			got := rule(res.Findings)
			if tt.cfg == nil && !slices.Equal(got, want) {
				t.Errorf("%s, lanes %v: findings %q, want %q as read directly", tt.name, lanes, got, want)
			}
			if tt.cfg != nil && len(got) > 0 {
				t.Errorf("%s, lanes %v: findings %q with the rule off", tt.name, lanes, got)
			}
		}
	}
}
