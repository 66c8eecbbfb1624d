package html

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strconv"

	"github.com/pcaplint/pcaplint/rules"
)

// zh is the page's Chinese: each English word, phrase or sentence of the
// template and the script (page.js's t and tf) with its translation, in
// the terms of docs/design/explain.md. "{0}", "{1}" stand for what the
// script puts in. A phrase missing here stays English, which a test of
// the Chinese page would see.
var zh = map[string]string{
	// page.tmpl
	"pcaplint report":                     "pcaplint 报告",
	"Skip to the findings":                "跳到检查发现",
	"Findings by severity, rule and file": "按严重程度、规则和文件统计的检查发现",
	"Findings":                            "检查发现",
	"The findings are listed page by page by the page's script, which is off. Their counts by severity, rule and file are above;": "检查发现由页面的脚本逐页列出，而脚本已关闭。上面有按严重程度、规则和文件统计的数量；",
	"or":                                "或",
	"prints every one.":                 "会打印全部检查发现。",
	"Severity":                          "严重程度",
	"Rule":                              "规则",
	"File":                              "文件",
	"Search":                            "搜索",
	"Group by":                          "分组",
	"all":                               "全部",
	"nothing":                           "不分组",
	"severity":                          "严重程度",
	"rule":                              "规则",
	"file":                              "文件",
	"error":                             "错误",
	"warning":                           "警告",
	"info":                              "提示",
	"text in any column":                "任一列中的文字",
	"Show all":                          "显示全部",
	"Findings pages, top":               "检查发现分页（上）",
	"Findings pages, bottom":            "检查发现分页（下）",
	"Message":                           "说明",
	"Where":                             "位置",
	"Connection":                        "连接",
	"Files":                             "文件",
	"Status":                            "状态",
	"Packets":                           "包数",
	"Connections":                       "连接数",
	"Skipped":                           "已跳过",
	"Why":                               "原因",
	"Diagrams and time-sequence graphs": "序列图和时间序列图",
	"Diagram pages":                     "序列图分页",
	"By severity":                       "按严重程度",
	"By rule":                           "按规则",
	"By file":                           "按文件",
	"Chart":                             "图表",
	"ok":                                "正常",
	"failed":                            "失败",
	"not-checked":                       "未检查",
	"interrupted":                       "被中断",
	"findings":                          "有检查发现",
	// page.js
	"The page's data cannot be read: {0}.": "无法读取页面的数据：{0}。",
	"finding {0}, link to it":              "第 {0} 条检查发现，指向它的链接",
	"diagram":                              "序列图",
	"graph":                                "时间序列图",
	"sequence diagram":                     "序列图",
	"time-sequence graph":                  "时间序列图",
	"{0} of connection {1} of {2}":         "{2} 中连接 {1} 的{0}",
	"{0} of connection {1}: {2} → {3}":     "连接 {1}（{2} → {3}）的{0}",
	"{0} — 1 finding":                      "{0} — 1 条检查发现",
	"{0} — {1} findings":                   "{0} — {1} 条检查发现",
	"« first":                              "« 首页",
	"‹ previous":                           "‹ 上一页",
	"next ›":                               "下一页 ›",
	"last »":                               "末页 »",
	"first page":                           "第一页",
	"previous page":                        "上一页",
	"next page":                            "下一页",
	"last page":                            "最后一页",
	"page {0} of {1}":                      "第 {0} 页，共 {1} 页",
	"No finding matches (of {0}).":         "没有匹配的检查发现（共 {0} 条）。",
	"Findings {0}–{1} of {2}.":             "检查发现第 {0}–{1} 条，共 {2} 条。",
	"Findings {0}–{1} of {2} matching ({3} in all).": "匹配的检查发现第 {0}–{1} 条，共 {2} 条（全部 {3} 条）。",
	"No diagram of this file.":                       "这个文件没有序列图。",
	"Diagrams {0}–{1} of {2}.":                       "序列图第 {0}–{1} 个，共 {2} 个。",
}

// words is the dictionary of language l: nil for English, whose words
// are the keys.
func words(l rules.Lang) map[string]string {
	if l == rules.Chinese {
		return zh
	}
	return nil
}

// translator is the template's t: s in the page's language.
func translator(w map[string]string) func(string) string {
	return func(s string) string {
		if t, ok := w[s]; ok {
			return t
		}
		return s
	}
}

// wordsElement carries the dictionary to the page's script, or is empty
// for English, which needs none.
func wordsElement(w map[string]string) template.HTML {
	if w == nil {
		return ""
	}
	b, err := json.Marshal(w)
	if err != nil {
		return ""
	}
	// json.Marshal escapes <, > and &, so nothing in it can end the element.
	return template.HTML(`<script type="application/json" id="words">` + string(b) + "</script>\n")
}

// htmlLang is the page's lang attribute.
func htmlLang(l rules.Lang) string {
	if l == rules.Chinese {
		return "zh-CN"
	}
	return "en"
}

// groupLabel says a group's counts in words in language l, for the
// bar's tooltip and screen readers.
func groupLabel(c [3]int, l rules.Lang) string {
	if l == rules.Chinese {
		return fmt.Sprintf("错误 %d、警告 %d、提示 %d", c[0], c[1], c[2])
	}
	return fmt.Sprintf("%d errors, %d warnings, %d info", c[0], c[1], c[2])
}

// otherFiles names the row that sums the files the summary does not name.
func otherFiles(n int, l rules.Lang) string {
	if l == rules.Chinese {
		return fmt.Sprintf("其他 %d 个文件", n)
	}
	return fmt.Sprintf("%d other files", n)
}

// whereIn is a finding's position as the page shows it, in language l.
func whereIn(line, packet int, l rules.Lang) string {
	switch {
	case line > 0 && l == rules.Chinese:
		return "第 " + strconv.Itoa(line) + " 行"
	case packet > 0 && l == rules.Chinese:
		return "第 " + strconv.Itoa(packet) + " 个包"
	case line > 0:
		return "line " + strconv.Itoa(line)
	case packet > 0:
		return "packet " + strconv.Itoa(packet)
	}
	return ""
}

// notChecked begins what a file row says of a part not checked.
func notChecked(l rules.Lang) string {
	if l == rules.Chinese {
		return "未检查"
	}
	return "not checked"
}
