package explain

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/pcaplint/pcaplint/rules"
)

// Lang is a language of the explanations, named by its ISO 639-1 code.
type Lang string

// The languages of the catalogue.
const (
	English Lang = "en"
	Chinese Lang = "zh" // Simplified Chinese
)

// Langs lists every language the catalogue holds, in the order they are
// offered on the command line.
var Langs = []Lang{English, Chinese}

// ParseLang reads a language code.
func ParseLang(s string) (Lang, error) {
	for _, l := range Langs {
		if string(l) == s {
			return l, nil
		}
	}
	names := make([]string, len(Langs))
	for i, l := range Langs {
		names[i] = string(l)
	}
	return "", fmt.Errorf("unknown language %q (want %s)", s, strings.Join(names, " or "))
}

// Key names one message of the catalogue.
type Key string

// Msg is a sentence or phrase before it is put into words: a catalogue key
// and its arguments. Arguments are numbers, strings, or values that are
// themselves rendered in the target language: Msg, List and Duration.
type Msg struct {
	Key  Key
	Args []any
}

// M builds a Msg.
func M(key Key, args ...any) Msg { return Msg{Key: key, Args: args} }

// List is a list of phrases joined the way the language joins lists
// ("a, b and c"; "a、b 和 c").
type List []Msg

// Duration is a time span rendered with the language's unit words.
type Duration time.Duration

// unknownDuration is a span the input cannot tell: its segments have no
// time (tcpdump -t), so every difference of times is zero and says nothing.
const unknownDuration = Duration(math.MinInt64)

// Render puts m into words in language l. A key missing from the
// catalogue renders as the key itself, so that a gap is visible in the
// output rather than fatal; a test keeps the catalogue complete.
func (l Lang) Render(m Msg) string {
	format, ok := messages[m.Key][l]
	if !ok {
		return "{" + string(m.Key) + "}"
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		args[i] = l.arg(a)
	}
	return fmt.Sprintf(format, args...)
}

// arg renders one argument that needs the language.
func (l Lang) arg(a any) any {
	switch v := a.(type) {
	case Msg:
		return l.Render(v)
	case List:
		return l.list(v)
	case Series:
		parts := make([]string, len(v))
		for i, it := range v {
			parts[i] = l.Render(it)
		}
		return strings.Join(parts, l.Render(M(kSeriesSep)))
	case Duration:
		if v == unknownDuration {
			return l.Render(M(kUnknownTime))
		}
		return l.duration(time.Duration(v))
	case rules.Phrase:
		return v.In(rules.Lang(l)) // a check's words: a finding, a hint, a severity
	}
	return a
}

func (l Lang) list(items List) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return l.Render(items[0])
	}
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = l.Render(it)
	}
	head := strings.Join(parts[:len(parts)-1], l.Render(M(kListSep)))
	return l.Render(M(kListLast, head, parts[len(parts)-1]))
}

// duration renders a span in the unit a reader expects at its size:
// microseconds below a millisecond (tcpdump prints microseconds), then
// milliseconds, seconds, minutes.
func (l Lang) duration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return l.Render(M(kMicroseconds, d.Microseconds()))
	case d < time.Second:
		return l.Render(M(kMilliseconds, trimFloat(float64(d)/float64(time.Millisecond))))
	case d < time.Minute:
		return l.Render(M(kSeconds, trimFloat(d.Seconds())))
	}
	return l.Render(M(kMinutes, trimFloat(d.Minutes())))
}

// trimFloat prints at most one decimal, dropping a trailing ".0".
func trimFloat(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}
