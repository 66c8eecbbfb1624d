package explain

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strconv"
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

// TestEveryKeyHasText finds every Key constant declared in messages.go
// and checks that the catalogue holds it, so that no key can be declared
// and used without its sentences.
func TestEveryKeyHasText(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "messages.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		spec, ok := node.(*ast.ValueSpec)
		if !ok || spec.Type == nil {
			return true
		}
		if id, ok := spec.Type.(*ast.Ident); !ok || id.Name != "Key" {
			return true
		}
		for i, v := range spec.Values {
			lit, ok := v.(*ast.BasicLit)
			if !ok {
				continue
			}
			key, _ := strconv.Unquote(lit.Value)
			n++
			if messages[Key(key)] == nil {
				t.Errorf("%s (%q) has no text in the catalogue", spec.Names[i].Name, key)
			}
		}
		return true
	})
	if n < 50 {
		t.Errorf("found only %d keys; is the parsing of messages.go broken?", n)
	}
}
