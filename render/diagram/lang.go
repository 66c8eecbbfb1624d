package diagram

import (
	"fmt"
	"time"

	"github.com/pcaplint/pcaplint/rules"
)

// This file holds the diagram's words in Chinese beside the English ones
// (Options.Lang): the caption, the roles, tags, breaks, "continued" rows,
// the time heading and the legend, in the terms of
// docs/design/explain.md. Labels stay tcpdump's; rule IDs stay as they
// are. English is the language unless Lang says otherwise, so that
// English output does not change with a translation.

// zh reports whether l is Chinese.
func zh(l rules.Lang) bool { return l == rules.Chinese }

// countIn renders n things in language l: "1,284 segments", "1,284 个报文段".
func countIn(n int, thing string, l rules.Lang) string {
	if zh(l) {
		return Thousands(int64(n)) + " 个" + countWordsZh[thing]
	}
	return Count(n, thing)
}

// countWordsZh are the things diagrams count, in Chinese.
var countWordsZh = map[string]string{"segment": "报文段", "connection": "连接"}

// GapTextIn is GapText in language l: "16.31 s idle", "空闲 16.31 s".
func (r *Row) GapTextIn(l rules.Lang) string {
	if zh(l) {
		return "空闲 " + Duration(r.Duration)
	}
	return r.GapText()
}

// FoldTextIn is FoldText in language l.
func (r *Row) FoldTextIn(ellipsis string, l rules.Lang) string {
	if zh(l) {
		return fmt.Sprintf("%s %s，%s 内 %s %s", ellipsis, countIn(r.Folded, "segment", l),
			Duration(r.Duration), Bytes(r.FoldedBytes), ellipsis)
	}
	return r.FoldText(ellipsis)
}

// captionIn says what a diagram of convs shows, in language l.
func captionIn(convs []*Conversation, d *Diagram, dur time.Duration, l rules.Lang) string {
	segs := countIn(d.Segments, "segment", l)
	switch {
	case len(convs) == 0 && zh(l):
		return "没有连接"
	case len(convs) == 0:
		return "no connections"
	case len(convs) > 1 && zh(l):
		return fmt.Sprintf("%d 个连接 · %s · %s", len(convs), segs, Duration(dur))
	case len(convs) > 1:
		return fmt.Sprintf("%d connections · %s · %s", len(convs), segs, Duration(dur))
	}
	c := convs[0].Conn
	if zh(l) {
		return fmt.Sprintf("连接 %d · %s → %s · %s · %s", c.ID, c.Client, c.Server, segs, Duration(dur))
	}
	return fmt.Sprintf("connection %d · %s → %s · %s · %s", c.ID, c.Client, c.Server, segs, Duration(dur))
}

// pageCaption is a page's caption: the diagram's, then which page.
func pageCaption(caption string, k, total int, l rules.Lang) string {
	return either(l, fmt.Sprintf("%s · page %d of %d", caption, k, total), fmt.Sprintf("%s · 第 %d 页，共 %d 页", caption, k, total))
}

// either is en, or zh in Chinese.
func either(l rules.Lang, en, zh string) string {
	if l == rules.Chinese {
		return zh
	}
	return en
}

// continuedFrom and continuedOn label the rows that open and end a page.
func continuedFrom(k int, l rules.Lang) string {
	return either(l, fmt.Sprintf("continued from page %d", k), fmt.Sprintf("接第 %d 页", k))
}

func continuedOn(k int, l rules.Lang) string {
	return either(l, fmt.Sprintf("continued on page %d", k), fmt.Sprintf("转第 %d 页", k))
}

// retransmissionTag is the tag of an arrow that resends bytes.
func retransmissionTag(l rules.Lang) string { return either(l, "retransmission", "重传") }

// notCaptured ends the label of a hole in the sequence space: " (1448)
// not captured".
func notCaptured(n uint32, l rules.Lang) string {
	return either(l, fmt.Sprintf(" (%d) not captured", n), fmt.Sprintf("（%d）未抓到", n))
}

// legendTitle heads the legend.
func legendTitle(l rules.Lang) string { return either(l, "Findings", "检查发现") }

// timeHeadingIn heads the time column: milliseconds from the first
// segment, or the time of day in UTC.
func timeHeadingIn(abs bool, l rules.Lang) string {
	switch {
	case abs && zh(l):
		return "时间（UTC）"
	case abs:
		return "time (UTC)"
	case zh(l):
		return "时间（毫秒）"
	}
	return "time (ms)"
}

// message is a finding's message in language l.
func message(f *rules.Finding, l rules.Lang) string {
	if zh(l) {
		return f.Localized(l)
	}
	return f.Message
}
