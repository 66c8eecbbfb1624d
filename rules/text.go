package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Lang is a language reports and explanations are written in, named by
// its ISO 639-1 code.
type Lang string

// The languages of the checks' texts.
const (
	English Lang = "en"
	Chinese Lang = "zh" // Simplified Chinese
)

// Texts is one text of a check in every language of the reports: a
// finding's message, the check's title or its "read it as" hint. Messages
// are fmt formats over the same arguments in each language, with explicit
// argument indexes (%[1]s) where a language orders them its own way.
type Texts struct {
	// Key names the text, stable across releases: the check's ID, or the
	// ID and a variant ("rst-unexpected", "retransmission.fill").
	Key    string
	En, Zh string
}

// In returns the text's format in language l; English when l is not one
// the catalogue holds.
func (t *Texts) In(l Lang) string {
	if l == Chinese && t.Zh != "" {
		return t.Zh
	}
	return t.En
}

// Phrase is an argument of a message that is itself put into words in
// the message's language: a direction, a duration, a byte count, a
// nested Text.
type Phrase interface {
	In(l Lang) string
}

// Text is a message before it is put into words: its catalogue entry and
// its arguments (numbers, strings, Phrases).
type Text struct {
	Msg  *Texts
	Args []any
}

// Say builds the Text of msg with args.
func Say(msg *Texts, args ...any) Text { return Text{Msg: msg, Args: args} }

// In puts t into words in language l; the empty string for a Text
// without a message.
func (t Text) In(l Lang) string {
	if t.Msg == nil {
		return ""
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		if p, ok := a.(Phrase); ok {
			a = p.In(l)
		}
		args[i] = a
	}
	out := fmt.Sprintf(t.Msg.In(l), args...)
	if l == Chinese {
		out = tidyChinese(out)
	}
	return out
}

// tidyChinese drops the spaces that arguments leave between two Chinese
// characters or beside full-width punctuation ("发往 服务器端",
// "5（相对 1） 比"), keeping those between Chinese and Latin text or
// numbers, as Chinese typesetting does.
func tidyChinese(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) {
			prev, next := rs[i-1], rs[i+1]
			if fullWidthPunct(prev) || fullWidthPunct(next) || (unicode.Is(unicode.Han, prev) && unicode.Is(unicode.Han, next)) {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fullWidthPunct reports whether r is CJK or full-width punctuation.
func fullWidthPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

// Localized returns the finding's message in language l: its checks'
// words for l when the finding has a Text, otherwise Message as it is (a
// custom rule's own words, or a finding read back from a JSON report).
func (f *Finding) Localized(l Lang) string {
	if l == English || f.Text == nil || f.Text.Msg == nil {
		return f.Message
	}
	return f.Text.In(l)
}

// In names the sender role in language l ("client", "客户端").
func (d Dir) In(l Lang) string {
	if l == Chinese {
		if d == FromClient {
			return "客户端"
		}
		return "服务器端"
	}
	return d.String()
}

var severityZh = [...]string{"关闭", "提示", "警告", "错误"}

// In names the severity in language l.
func (s Severity) In(l Lang) string {
	if l == Chinese && int(s) < len(severityZh) {
		return severityZh[s]
	}
	return s.String()
}

// Bytes is a byte count: "1 byte", "1448 bytes", "1448 字节".
type Bytes int64

// In renders the count in language l.
func (n Bytes) In(l Lang) string {
	s := strconv.FormatInt(int64(n), 10)
	switch {
	case l == Chinese:
		return s + " 字节"
	case n == 1:
		return "1 byte"
	}
	return s + " bytes"
}

// Duration is a time span rounded to the microsecond (to the millisecond
// from a second up): Go's notation in English ("1.5s", "250µs"), the
// unit words in Chinese ("1.5 秒", "250 微秒").
type Duration time.Duration

// UnknownDuration is a span between segments the input gave no time
// (tcpdump -t): "? (no timestamps)", not a span of zero.
const UnknownDuration = Duration(math.MinInt64)

// In renders the span in language l.
func (d Duration) In(l Lang) string {
	if d == UnknownDuration {
		if l == Chinese {
			return "?（输入没有时间戳）"
		}
		return "? (no timestamps)"
	}
	t := time.Duration(d)
	if t >= time.Second {
		t = t.Round(time.Millisecond)
	} else {
		t = t.Round(time.Microsecond)
	}
	if l != Chinese {
		return t.String()
	}
	neg := ""
	if t < 0 {
		neg, t = "-", -t
	}
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	switch {
	case t < time.Millisecond:
		return neg + num(float64(t)/float64(time.Microsecond)) + " 微秒"
	case t < time.Second:
		return neg + num(float64(t)/float64(time.Millisecond)) + " 毫秒"
	case t < time.Minute:
		return neg + num(t.Seconds()) + " 秒"
	case t < time.Hour:
		m := t / time.Minute
		return neg + strconv.Itoa(int(m)) + " 分 " + num((t - m*time.Minute).Seconds()) + " 秒"
	}
	h := t / time.Hour
	m := (t - h*time.Hour) / time.Minute
	return neg + strconv.Itoa(int(h)) + " 小时 " + strconv.Itoa(int(m)) + " 分 " + num((t - h*time.Hour - m*time.Minute).Seconds()) + " 秒"
}
