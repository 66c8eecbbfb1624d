package explain

import (
	"regexp"
	"slices"
	"testing"
)

// verbRE matches a fmt verb with an explicit argument index, the only
// kind the catalogue uses.
var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// verbs returns the verbs of a format string, sorted, duplicates removed:
// a language may repeat an argument, but must use the same set.
func verbs(format string) []string {
	vs := verbRE.FindAllString(format, -1)
	slices.Sort(vs)
	return slices.Compact(vs)
}

func TestCatalogue(t *testing.T) {
	for key, byLang := range messages {
		en, ok := byLang[English]
		if !ok {
			t.Errorf("%s: no English text", key)
			continue
		}
		for _, v := range verbs(en) {
			if v != "%%" && !regexp.MustCompile(`^%\[\d+\]`).MatchString(v) {
				t.Errorf("%s: verb %s has no argument index", key, v)
			}
		}
		for _, l := range Langs {
			text, ok := byLang[l]
			if !ok {
				t.Errorf("%s: no %s text", key, l)
				continue
			}
			if got, want := verbs(text), verbs(en); !slices.Equal(got, want) {
				t.Errorf("%s: %s verbs %v, English has %v", key, l, got, want)
			}
		}
		for l := range byLang {
			if !slices.Contains(Langs, l) {
				t.Errorf("%s: language %q is not in Langs", key, l)
			}
		}
	}
}

func TestRenderMissingKeyShowsTheKey(t *testing.T) {
	if got := English.Render(M("no-such-key")); got != "{no-such-key}" {
		t.Errorf("got %q", got)
	}
}

func TestDurationsReadInTheirUnit(t *testing.T) {
	cases := []struct {
		d    Duration
		lang Lang
		want string
	}{
		{14_000, English, "14 µs"},
		{1_500_000, English, "1.5 ms"},
		{16_310_696_000, English, "16.3 s"},
		{90_000_000_000, English, "1.5 min"},
		{24_000, Chinese, "24 微秒"},
	}
	for _, c := range cases {
		if got := c.lang.arg(c.d); got != c.want {
			t.Errorf("%s %d: got %q, want %q", c.lang, c.d, got, c.want)
		}
	}
}
