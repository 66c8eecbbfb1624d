package explain

import (
	"bytes"
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/internal/english"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// TestChineseHasNoEnglish explains every capture and log in testdata in
// Chinese with every check on, and wants no English sentence in the
// notes (the tcpdump lines are tcpdump's) nor in any finding's message,
// which is what lint --lang zh prints. Custom rules are not run: their
// messages are their users' words, in whatever language they wrote.
func TestChineseHasNoEnglish(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every input in testdata")
	}
	cfg := &rules.Config{Rules: map[string]rules.RuleConfig{}}
	for _, c := range checks.All() {
		cfg.Rules[c.ID] = rules.RuleConfig{Severity: max(c.Default, rules.Info)}
	}
	n := 0
	err := filepath.WalkDir("../../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && d.Name() == "oracle" {
			if err == nil {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		segs, lines, err := readLog(path)
		if err != nil {
			return nil // not a capture or log
		}
		var out bytes.Buffer
		res, err := Run(context.Background(), &out, parse.Segments(segs, lines), Options{Lang: Chinese, Checks: checks.All(), Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		n++
		for _, l := range strings.Split(out.String(), "\n") {
			if !strings.HasPrefix(l, "  ") {
				continue // a tcpdump line, or a blank one
			}
			if e := english.Sentence(l); e != "" {
				t.Errorf("%s: English %q in %q", path, e, l)
				break
			}
		}
		for _, f := range res.Findings {
			if e := english.Sentence(f.Localized(rules.Chinese)); e != "" {
				t.Errorf("%s: %s finding: English %q in %q", path, f.Rule, e, f.Localized(rules.Chinese))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("only %d inputs read", n)
	}
}
