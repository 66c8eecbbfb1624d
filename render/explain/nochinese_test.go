package explain

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// englishWordRE is a word of English: ASCII letters, perhaps with an
// apostrophe ("client's").
var englishWordRE = regexp.MustCompile(`^[A-Za-z]+('[a-z]+)?$`)

// notEnglish are the Latin words a Chinese text keeps as they are: flag
// and option names, RFC state names, units of protocol fields, tool and
// protocol names.
var notEnglish = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`TCP SYN ACK FIN RST PSH URG ECE CWR ECN MSS SACK D TSval TSecr TS Recent RFC
		PAWS IP ID ISN nxt ack seq win j k MSL Zeek history Fast Open cookie tcpdump any q S i
		CLOSED LISTEN ESTABLISHED CLOSING SPAN max per connection`) {
		notEnglish[w] = true
	}
}

// numberRE is a number, an address or a port: neutral in a sentence.
var numberRE = regexp.MustCompile(`^[0-9][0-9.:/+×=-]*$`)

// englishSentence returns the first run of three or more English words
// in s that are not kept in Chinese text, or "". Numbers and addresses
// neither count nor end a run ("from client 10.0.0.1:40000 with");
// anything else ends it: Chinese, a rule ID, a tcpdump flag.
func englishSentence(s string) string {
	var run []string
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune(" ,()[]:;.\"'", r)
	}) {
		switch {
		case englishWordRE.MatchString(tok) && !notEnglish[tok]:
			run = append(run, tok)
			if len(run) >= 3 {
				return strings.Join(run, " ")
			}
		case numberRE.MatchString(tok):
		default:
			run = run[:0]
		}
	}
	return ""
}

func TestEnglishSentenceIsFound(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"RST from client 10.0.0.1:4000 with 0 bytes", true},
		{"检查发现 rst-unexpected（警告）：客户端 10.0.0.1:40000 发送 RST", false},
		{"TCP Fast Open cookie", false},
		{"已跳过：handshake-incomplete, fin-not-acked, teardown-incomplete", false},
		{"the capture missed them", true},
	} {
		if got := englishSentence(tc.s) != ""; got != tc.want {
			t.Errorf("englishSentence(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

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
		var found []rules.Finding
		s, err := NewSession(&out, Options{Lang: Chinese, Checks: checks.All(), Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		s.engine.OnKeep = chain(s.engine.OnKeep, func(f rules.Finding) { found = append(found, f) })
		for i := range segs {
			if s.Add(&segs[i], lines[i]) != nil {
				break
			}
		}
		_ = s.Close()
		n++
		for _, l := range strings.Split(out.String(), "\n") {
			if !strings.HasPrefix(l, "  ") {
				continue // a tcpdump line, or a blank one
			}
			if e := englishSentence(l); e != "" {
				t.Errorf("%s: English %q in %q", path, e, l)
				break
			}
		}
		for _, f := range found {
			if e := englishSentence(f.Localized(rules.Chinese)); e != "" {
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

// chain calls a, then b.
func chain(a, b func(rules.Finding)) func(rules.Finding) {
	return func(f rules.Finding) { a(f); b(f) }
}
