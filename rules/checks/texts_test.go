package checks

import (
	"maps"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/pcaplint/pcaplint/rules"
)

// verbRE finds a format's verbs; every verb names its argument (%[2]s),
// so that a language may order the arguments its own way.
var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// verbs maps each argument index of a format to its verb letter, and
// reports a verb without an index.
func verbs(t *testing.T, key, format string) map[string]byte {
	t.Helper()
	m := map[string]byte{}
	for _, v := range verbRE.FindAllStringSubmatch(format, -1) {
		if v[0] == "%%" {
			continue
		}
		if v[1] == "" {
			t.Errorf("%s: verb %s has no argument index: write %%[n]…", key, v[0])
			continue
		}
		m[v[1]] = v[0][len(v[0])-1]
	}
	return m
}

// TestEveryTextHasEveryLanguage wants each check's title, hint and
// messages in English and Chinese, the messages with the same verbs on
// the same arguments, and keys that name the check and are unique. A new
// message without its Chinese text fails here: add Zh beside En.
func TestEveryTextHasEveryLanguage(t *testing.T) {
	keys := map[string]string{}
	for _, c := range append(All(), Limits()...) {
		t.Run(c.ID, func(t *testing.T) {
			if strings.TrimSpace(c.TitleZh) == "" || !hasHan(c.TitleZh) {
				t.Errorf("TitleZh %q is not Chinese", c.TitleZh)
			}
			if !strings.HasPrefix(c.Hint.En, "Read it as: ") || !strings.HasPrefix(c.Hint.Zh, "解读：") {
				t.Errorf("Hint %+v: want En to begin \"Read it as: \" and Zh \"解读：\"", c.Hint)
			}
			if len(c.Messages) == 0 {
				t.Error("no Messages: the check reports with texts of its own")
			}
			texts := c.Messages
			if c.Summary != nil {
				texts = append(texts[:len(texts):len(texts)], c.Summary)
			}
			for _, m := range texts {
				if !strings.HasPrefix(m.Key, c.ID) && !strings.HasPrefix(m.Key, "evidence.") {
					t.Errorf("key %q does not begin with the check's ID", m.Key)
				}
				if other, ok := keys[m.Key]; ok && other != c.ID && !strings.HasPrefix(m.Key, "evidence.") {
					t.Errorf("key %q is also %s's", m.Key, other)
				}
				keys[m.Key] = c.ID
				if m.En == "" || m.Zh == "" {
					t.Errorf("%s: En %q, Zh %q: every message needs both", m.Key, m.En, m.Zh)
					continue
				}
				if en, zh := verbs(t, m.Key, m.En), verbs(t, m.Key, m.Zh); !maps.Equal(en, zh) {
					t.Errorf("%s: verbs differ: en %q, zh %q", m.Key, m.En, m.Zh)
				}
			}
		})
	}
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// requireTexts fails t for a finding of a built-in check without a Text
// from the check's Messages (or its summary): every message is a key and
// arguments, so that a report can put it into any language.
func requireTexts(t testing.TB, fs []rules.Finding) {
	t.Helper()
	for _, f := range fs {
		c := ByID(f.Rule)
		if c == nil {
			continue // a custom rule speaks its user's words
		}
		if f.Text == nil || f.Text.Msg == nil {
			t.Errorf("%s finding %q has no Text: report it with one of the check's Messages", f.Rule, f.Message)
			continue
		}
		if !containsText(c, f.Text.Msg) {
			t.Errorf("%s finding %q: text %q is not in the check's Messages", f.Rule, f.Message, f.Text.Msg.Key)
		}
		if zh := f.Localized(rules.Chinese); strings.Contains(zh, "%!") {
			t.Errorf("%s finding %q: Chinese text %q has a bad verb", f.Rule, f.Message, zh)
		}
	}
}

// containsText reports whether msg is one of c's texts, the engine's
// summary of hidden findings included.
func containsText(c *rules.Check, msg *rules.Texts) bool {
	if msg == c.Summary || msg.Key == "more-not-shown" {
		return true
	}
	for _, m := range c.Messages {
		if m == msg {
			return true
		}
	}
	return false
}
