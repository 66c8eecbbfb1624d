package checks

import (
	"errors"
	"io"
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// allAtInfo enables every check, the ones off by default at info.
func allAtInfo(params map[string]map[string]rules.Value) *rules.Config {
	cfg := &rules.Config{Rules: map[string]rules.RuleConfig{}}
	for _, c := range All() {
		sev := c.Default
		if sev == rules.Off {
			sev = rules.Info
		}
		cfg.Rules[c.ID] = rules.RuleConfig{Severity: sev, Params: params[c.ID]}
	}
	return cfg
}

// lint runs the checks over one input and returns the findings, and the
// observers' view of every segment when obs is given.
func lint(t testing.TB, path string, cfg *rules.Config, obs ...rules.Observer) []rules.Finding {
	t.Helper()
	return lintTracked(t, path, cfg, nil, obs...)
}

// lintTracked is lint with setup, when not nil, given the tracker before
// the input is read.
func lintTracked(t testing.TB, path string, cfg *rules.Config, setup func(*rules.Tracker), obs ...rules.Observer) []rules.Finding {
	t.Helper()
	return lintRead(t, path, parse.Options{Checksums: true}, cfg, setup, obs...)
}

// lintRead is lintTracked reading the input with opts.
func lintRead(t testing.TB, path string, opts parse.Options, cfg *rules.Config, setup func(*rules.Tracker), obs ...rules.Observer) []rules.Finding {
	t.Helper()
	src, closer, err := parse.OpenFile(path, opts)
	if err != nil {
		if errors.Is(err, parse.ErrUnknownInput) {
			t.Skipf("%v (no tcpdump text reader in this build yet)", err)
		}
		t.Fatal(err)
	}
	defer closer.Close()
	eng, err := rules.NewEngine(All(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	tr := rules.NewTracker(append([]rules.Observer{eng}, obs...)...)
	if setup != nil {
		setup(tr)
	}
	var seg tcp.Segment
	for {
		err := src.Next(&seg)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		tr.Add(&seg)
	}
	tr.Flush()
	fs := eng.Findings()
	requireTexts(t, fs)
	return fs
}
