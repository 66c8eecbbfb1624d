package graph

import (
	"fmt"
	"github.com/pcaplint/pcaplint/render/diagram"

	"github.com/pcaplint/pcaplint/rules"
)

// zh is the graph's Chinese (Options.Lang): each English phrase or fmt
// format of the captions, axes, legend and notes with its translation, in
// the terms of docs/design/explain.md, the formats with the same verbs on
// the same arguments (explicit indexes where Chinese orders them its own
// way). A phrase missing here stays English, which TestGraphInChinese
// would see.
var zh = map[string]string{
	"Time-sequence graph":           "时间序列图",
	"Throughput":                    "吞吐量",
	"Round-trip time":               "往返时间",
	"Window and bytes in flight":    "窗口与在途字节",
	"%s of connection %d, %s to %s": "连接 %[2]d 的%[1]s，%[3]s 到 %[4]s",
	"The %s sent only %s in %s: not drawn (--dir %s or both draws it).":                                       "%[1]s只发送了 %[2]s（%[3]s）：没有画出（--dir %[4]s 或 both 会画出）。",
	"No data was sent either way: there is nothing to draw.":                                                  "双方都没有发送数据：没有可画的内容。",
	"Data from %s %s to %s: %s in %s":                                                                         "%[1]s %[2]s 发往 %[3]s 的数据：%[4]s，%[5]s",
	", %s resent or out of order":                                                                             "，其中 %s 字节是重传或乱序",
	"time since the connection's first segment (%s)":                                                          "自连接第一个报文段起的时间（%s）",
	"%s segments had no time (tcpdump -t) and are not drawn.":                                                 "%s 个报文段没有时间（tcpdump -t），没有画出。",
	"%s data segments had no sequence number in the input and are not drawn.":                                 "%s 个数据报文段在输入中没有序列号，没有画出。",
	"%s ACK segments showed no acknowledgement number: the ACK line, windows and RTT samples leave them out.": "%s 个 ACK 报文段没有显示确认号：ACK 线、窗口和 RTT 样本不包括它们。",
	"%s segments showed no window: the window lines leave them out.":                                          "%s 个报文段没有显示窗口：窗口线不包括它们。",
	"%s segments showed no TCP options: their SACK blocks and timestamps are unknown and not drawn.":          "%s 个报文段没有显示 TCP 选项：它们的 SACK 块和时间戳未知，没有画出。",
	"bytes per second (k = 1,000)":                                                                            "每秒字节数（k = 1,000）",
	"round-trip time (%s)":                                                                                    "往返时间（%s）",
	"bytes (k = 1,000)":                                                                                       "字节（k = 1,000）",
	"relative sequence number (bytes, k = 1,000)":                                                             "相对序列号（字节，k = 1,000）",
	"No round-trip sample for the data from the %s: no ACK advanced over a segment sent once, and no timestamp was echoed.": "%s发出的数据没有往返时间样本：没有 ACK 越过只发送一次的报文段，也没有回显的时间戳。",
	"shortest to longest sample in a column": "一列中最短到最长的样本",
	"mean of a column's samples":             "一列样本的平均值",
	"minimum":                                "最小值",
	"median":                                 "中位数",
	"95th percentile":                        "第 95 百分位数",
	"%s %s (%s)":                             "%s %s（%s）",
	"From the %s: %s samples from ACKs of segments sent once (Karn's rule, RFC 6298), %s from the timestamp echoes of ACKs of resent data (RFC 7323), taken as conns --stats takes them; median and 95th percentile within 1 %%. The round trip is timed from the capture point: captured at the receiver, it is little more than the receiver's ACK delay.": "%s方向：%s 个样本来自只发送一次的报文段的 ACK（Karn 规则，RFC 6298），%s 个来自重传数据的 ACK 回显的时间戳（RFC 7323），取法与 conns --stats 相同；中位数和第 95 百分位数的误差在 1 %% 以内。往返时间从抓包点计时：在接收端抓包时，它只比接收端的 ACK 延迟多一点。",
	"new data (goodput)":                     "新数据（有效吞吐量）",
	"resent or out of order":                 "重传或乱序",
	"moving average of %d bars":              "%d 个柱的移动平均",
	"Each bar sums %s of the connection.":    "每个柱汇总连接中 %s 的数据。",
	"%s idle":                                "空闲 %s",
	"idle for %s: cut from the time axis":    "空闲 %s：从时间轴上截去",
	"window limit (ACK + advertised window)": "窗口上限（ACK + 通告窗口）",
	"cumulative ACK":                         "累计确认",
	"SACK blocks":                            "SACK 块",
	"data sent":                              "发送的数据",
	"resent or out of order (below the highest sequence number sent)":                "重传或乱序（低于已发送的最高序列号）",
	"The window limit is cut at the top of the graph where it rises above the data.": "窗口上限高出数据的部分在图的顶部截断。",
	"zero window advertised by the receiver for about %s":                            "接收端通告零窗口约 %s",
	"zero window": "零窗口",
	"Each column sums %s of the connection (%d columns at most): a tick spans all its segments carried, a line holds its last value.": "每列汇总连接中 %s 的数据（最多 %d 列）：刻度覆盖该列所有报文段携带的范围，线取该列最后的值。",
	"advertised receive window (scaled)": "通告的接收窗口（已缩放）",
	"bytes in flight (most in a column)": "在途字节（每列最大值）",
	"%s more %s findings in the input, beyond the rule's limit of findings per input, are not marked.": "输入中还有 %s 条 %s 检查发现超出了该规则每个输入的上限，没有标出。",
	"%s %s: %s (%s)":     "%s %s：%s（%s）",
	"\nand %d more here": "\n此处还有 %d 条",
	"%s %s ×%d":          "%s %s ×%d",
}

// tr is s in the graph's language: its translation, or s.
func (g *drawing) tr(s string) string {
	if g.opts.Lang == rules.Chinese {
		if t, ok := zh[s]; ok {
			return t
		}
	}
	return s
}

// sprintf formats args with format in the graph's language.
func (g *drawing) sprintf(format string, args ...any) string {
	return fmt.Sprintf(g.tr(format), args...)
}

// dir names a direction's sender in the graph's language ("client",
// "客户端").
func (g *drawing) dir(d rules.Dir) string { return d.In(g.opts.Lang) }

// count writes n things in the graph's language: "1 byte", "1,448
// bytes", "1,448 字节", "3 个报文段".
func (g *drawing) count(n int64, thing string) string {
	if g.opts.Lang == rules.Chinese {
		if thing == "byte" {
			return diagram.Thousands(n) + " 字节"
		}
		return diagram.Thousands(n) + " 个报文段"
	}
	return count(n, thing)
}

// message is a finding's message in the graph's language.
func (g *drawing) message(f *rules.Finding) string {
	if g.opts.Lang == rules.Chinese {
		return f.Localized(g.opts.Lang)
	}
	return f.Message
}
