package report

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/pcaplint/pcaplint/rules"
)

// This file holds the report's own sentences in Chinese, beside the
// English ones the printers build: the capture-loss sentence, what could
// not be checked, and the input errors pcaplint words itself. English
// stays the language of every report unless a printer's Lang says
// otherwise, so that English output never changes with a translation.

// lossTextIn is lossText in language l.
func lossTextIn(f *File, l rules.Lang) string {
	if l != rules.Chinese {
		return lossText(f)
	}
	var parts []string
	if lo := f.Loss; lo.GapAcks > 0 {
		parts = append(parts, fmt.Sprintf("%d 个 ACK 中有 %d 个（%.1f%%）确认了抓包从未看到的 %d 字节",
			lo.Acks, lo.GapAcks, lo.Percent(), lo.GapBytes))
	}
	if s := &f.Stats; s.KernelDrops > 0 {
		switch s.DropsCountedBy {
		case "":
			parts = append(parts, fmt.Sprintf("tcpdump 报告内核丢弃了 %d 个包", s.KernelDrops))
		case mixedDropCounts:
			parts = append(parts, fmt.Sprintf("各输入共记录抓包丢弃了 %d 个包", s.KernelDrops))
		default:
			parts = append(parts, fmt.Sprintf("%s记录抓包丢弃了 %d 个包", dropSourceZh(s.DropsCountedBy), s.KernelDrops))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "是抓包丢失，不是网络丢包：" + strings.Join(parts, "；")
}

// dropSourceZh names the source of a drop count (tcp.Stats.DropsCountedBy)
// in Chinese.
func dropSourceZh(by string) string {
	if by == "the pcapng interface statistics" {
		return "pcapng 的接口统计"
	}
	return by + " "
}

// lossSummaryIn is lossSummary in language l.
func (r *Report) lossSummaryIn(l rules.Lang) string {
	if l != rules.Chinese {
		return r.lossSummary()
	}
	return lossTextIn(r.lossTotal(), l)
}

// UncheckedText is u's message in language l, rebuilt from its reason,
// its count and f's statistics, which a report read back from JSON has
// too; u.Message as it is in English or for a reason not known here.
func (f *File) UncheckedText(u Unchecked, l rules.Lang) string {
	if l != rules.Chinese {
		return u.Message
	}
	s := &f.Stats
	switch u.Reason {
	case UncheckedNoTCP:
		return "没有 TCP 报文段，" + noTCPWhatZh(f) + "：是抓包过滤条件排除了 TCP，还是什么都没抓到？"
	case UncheckedNoFlags:
		return fmt.Sprintf("%d 个 TCP 报文段中有 %d 个没有 TCP 标志、序列号和确认号（tcpdump -q 不打印这些）："+
			"检查跳过了它们；不加 -q 记录日志才能检查", s.TCP, u.Count)
	case UncheckedNoTime:
		why, hint := "pcapng 的简单包块不带时间", ""
		if s.Lines > 0 {
			why, hint = "tcpdump -t 不打印时间", "；不加 -t 记录日志才能检查"
		}
		return fmt.Sprintf("%d 个 TCP 报文段中有 %d 个没有时间（%s）：计时的检查"+
			"（握手多慢、零窗口多久、重传多晚）无法判断它们%s", s.TCP, u.Count, why, hint)
	case UncheckedLinkType:
		typ := s.UndecodedLinkType
		if m := linkTypeRE.FindStringSubmatch(u.Message); typ == "" && m != nil {
			typ = m[1] // a report read back from JSON
		}
		return fmt.Sprintf("%d 个包的链路类型 %s 无法解码（pcaplint 解码以太网、Linux cooked SLL 和 SLL2、原始 IP 和 BSD 环回）", u.Count, typ)
	}
	return u.Message
}

// linkTypeRE finds the link type in the English message of a link-type
// Unchecked.
var linkTypeRE = regexp.MustCompile(`of link type (\S+) not decoded`)

// noTCPWhatZh is noTCPWhat in Chinese.
func noTCPWhatZh(f *File) string {
	s := &f.Stats
	if s.Records == 0 {
		if s.Lines > 0 {
			return fmt.Sprintf("%d 行中没有一行是包", s.Lines)
		}
		return "输入里没有包"
	}
	what := fmt.Sprintf("共 %d 个包", s.Records)
	if parts := otherRecords(s, rules.Chinese); len(parts) > 0 {
		what += "（" + strings.Join(parts, "、") + "）"
	}
	return what
}

// errorZh translates the sentences pcaplint writes about inputs it
// cannot read or does not read, leaving positions, file names, numbers
// and quoted input as they are. A sentence not listed (an operating
// system's error, say) stays English.
var errorZh = []struct {
	re *regexp.Regexp
	zh string
}{
	{regexp.MustCompile(`not a capture or tcpdump text: `), "不是抓包文件，也不是 tcpdump 文本："},
	{regexp.MustCompile(`the input is empty`), "输入是空的"},
	{regexp.MustCompile(`the input holds only blank lines`), "输入只有空行"},
	{regexp.MustCompile(`it is an ELF executable`), "它是 ELF 可执行文件"},
	{regexp.MustCompile(`it is a zip archive`), "它是 zip 压缩包"},
	{regexp.MustCompile(`it is text, but its first line (".*") is not tcpdump output`), "它是文本，但第一行 $1 不是 tcpdump 的输出"},
	{regexp.MustCompile(`it is binary data starting ([0-9a-f ]+), not a pcap or pcapng magic number`), "它是二进制数据，开头为 $1，不是 pcap 或 pcapng 的魔数"},
	{regexp.MustCompile(`record claims (\d+) captured bytes \(limit (\d+)\): corrupt record header`), "记录声称抓取了 $1 字节（上限 $2）：记录头已损坏"},
	{regexp.MustCompile(`record cut short: (\d+) of (\d+) captured bytes`), "记录被截断：抓取的 $2 字节只剩 $1 字节"},
	{regexp.MustCompile(`block of type (0x[0-9a-f]+): leading length (\d+) and trailing length (\d+) differ`), "类型为 $1 的块：开头的长度 $2 与结尾的长度 $3 不同"},
	{regexp.MustCompile(`link type (\S+) is not decoded: none of its (\d+) packets? could be checked`), "链路类型 $1 无法解码：它的 $2 个包都没能检查"},
	{regexp.MustCompile(`link type (\S+) is not decoded: its packets are skipped`), "链路类型 $1 无法解码：跳过它的包"},
	{regexp.MustCompile(`cannot tell yet whether the sequence numbers are relative or absolute \(tcpdump -S\): read as relative, tcpdump's default, until a connection tells; pass -S \(--absolute-input\) if the log was printed with -S`),
		"还无法判断序列号是相对的还是绝对的（tcpdump -S）：在某个连接表明之前，按 tcpdump 默认的相对序列号读取；日志若是用 -S 打印的，请加 -S（--absolute-input）"},
	{regexp.MustCompile(`^excluded by --exclude (.*)$`), "被 --exclude $1 排除"},
	{regexp.MustCompile(`^matches no --include pattern$`), "不匹配任何 --include 模式"},
	{regexp.MustCompile(`^not a regular file \((.*)\)$`), "不是普通文件（$1）"},
	{regexp.MustCompile(`^directory already listed as (.*) \(symbolic link loop or second link\)$`), "目录已作为 $1 列出（符号链接成环，或第二个链接）"},
	{regexp.MustCompile(`^broken symbolic link$`), "符号链接已断开"},
	{regexp.MustCompile(`^abandoned while being read$`), "读到一半时放弃"},
	{regexp.MustCompile(`^not started$`), "还没有开始读"},
	{regexp.MustCompile(`: none of the files found there \((\d+)\) is a capture or a log \(see the skipped files\)$`), "：在那里找到的文件（$1 个）没有一个是抓包文件或日志（见已跳过的文件）"},
	{regexp.MustCompile(`pcap file header cut short: (\d+) of 24 bytes`), "pcap 文件头被截断：24 字节只有 $1 字节"},
	{regexp.MustCompile(`not a pcap or pcapng capture`), "不是 pcap 或 pcapng 抓包文件"},
	{regexp.MustCompile(`section header cut short: (\d+) of 12 bytes`), "节头被截断：12 字节只有 $1 字节"},
	{regexp.MustCompile(`section header has no byte-order magic \(found (0x[0-9a-f]+)\)`), "节头没有字节序魔数（实际为 $1）"},
	{regexp.MustCompile(`block of type (0x[0-9a-f]+) has impossible length (\d+)`), "类型为 $1 的块长度 $2 不可能"},
	{regexp.MustCompile(`block of type (0x[0-9a-f]+) cut short: (\d+) of (\d+) bytes`), "类型为 $1 的块被截断：$3 字节只有 $2 字节"},
	{regexp.MustCompile(`interface description block too short: (\d+) bytes`), "接口描述块太短：只有 $1 字节"},
	{regexp.MustCompile(`more than (\d+) interfaces in one section`), "一个节中的接口超过 $1 个"},
	{regexp.MustCompile(`interface statistics block too short: (\d+) bytes`), "接口统计块太短：只有 $1 字节"},
	{regexp.MustCompile(`interface statistics block for interface (\d+), but the section describes (\d+)`), "接口统计块属于接口 $1，但该节只描述了 $2 个接口"},
	{regexp.MustCompile(`simple packet block too short: (\d+) bytes`), "简单包块太短：只有 $1 字节"},
	{regexp.MustCompile(`packet block too short: (\d+) bytes`), "包块太短：只有 $1 字节"},
	{regexp.MustCompile(`packet claims (\d+) captured bytes but its block holds (\d+)`), "包声称抓取了 $1 字节，但它的块只有 $2 字节"},
	{regexp.MustCompile(`packet names interface (\d+), but the section describes (\d+)`), "包指向接口 $1，但该节只描述了 $2 个接口"},
	{regexp.MustCompile(`gzip: the compressed stream ends before its end \(file cut short\)`), "gzip：压缩流没到结尾就结束了（文件被截断）"},
	{regexp.MustCompile(`is a directory$`), "是一个目录"},
	{regexp.MustCompile(`malformed packet: `), "畸形包："},
	{regexp.MustCompile(`reading: `), "读取时出错："},
	{regexp.MustCompile(`not tcpdump text: line (\d+) contains binary data`), "不是 tcpdump 文本：第 $1 行含有二进制数据"},
	{regexp.MustCompile(`TCP header length out of range; segment skipped`), "TCP 首部长度超出范围；跳过该报文段"},
	{regexp.MustCompile(`hex dump line does not continue the dump; dump ignored`), "十六进制转储行没有接续前面的转储；忽略该转储"},
	{regexp.MustCompile(`line longer than (\d+) bytes, skipped`), "行长超过 $1 字节，已跳过"},
	{regexp.MustCompile(`line contains binary data, skipped`), "行中含有二进制数据，已跳过"},
	{regexp.MustCompile(`tcpdump could not decode the packet \((.*)\): skipped`), "tcpdump 无法解码这个包（$1）：已跳过"},
	{regexp.MustCompile(`link type (\S+): tcpdump printed none of its (\d+) packets as IP, so none could be read`), "链路类型 $1：tcpdump 没有把它的 $2 个包中的任何一个打印成 IP，所以都无法读取"},
	{regexp.MustCompile(`; segment skipped \(add it to the services table, or print with -n\)`), "；跳过该报文段（把它加入服务表，或用 -n 打印）"},
	{regexp.MustCompile(`expected flag letters from ("(?:[^"\\]|\\.)*") or ("(?:[^"\\]|\\.)*"), found ("(?:[^"\\]|\\.)*")`), "应为 $1 中的标志字母或 $2，实际为 $3"},
	{regexp.MustCompile(`expected a number after ("(?:[^"\\]|\\.)*")`), "$1 之后应为数字"},
	{regexp.MustCompile(`expected a hexadecimal checksum after ("(?:[^"\\]|\\.)*")`), "$1 之后应为十六进制校验和"},
	{regexp.MustCompile(`expected the payload length after ("(?:[^"\\]|\\.)*")`), "$1 之后应为载荷长度"},
	{regexp.MustCompile(`expected an option kind after ("(?:[^"\\]|\\.)*")`), "$1 之后应为选项类型"},
	{regexp.MustCompile(`expected a block count after ("(?:[^"\\]|\\.)*")`), "$1 之后应为块数"},
	{regexp.MustCompile(`expected ("(?:[^"\\]|\\.)*") after the flag letters`), "标志字母之后应为 $1"},
	{regexp.MustCompile(`expected ("(?:[^"\\]|\\.)*") after the computed checksum`), "计算出的校验和之后应为 $1"},
	{regexp.MustCompile(`expected ("(?:[^"\\]|\\.)*") or ("(?:[^"\\]|\\.)*") after the checksum`), "校验和之后应为 $1 或 $2"},
	{regexp.MustCompile(`expected ("(?:[^"\\]|\\.)*") to close the options`), "应以 $1 结束选项"},
	{regexp.MustCompile(`expected ("(?:[^"\\]|\\.)*") in a SACK block`), "SACK 块中应为 $1"},
	{regexp.MustCompile(`expected ("(?:[^"\\]|\\.)*") before ("(?:[^"\\]|\\.)*")`), "$2 之前应为 $1"},
	{regexp.MustCompile(`expected ("(?:[^"\\]|\\.)*") after ("(?:[^"\\]|\\.)*")`), "$2 之后应为 $1"},
	{regexp.MustCompile(`unknown option name ("(?:[^"\\]|\\.)*")`), "未知的选项名 $1"},
	{regexp.MustCompile(`unknown service name ("(?:[^"\\]|\\.)*")`), "未知的服务名 $1"},
	{regexp.MustCompile(`expected a host before the port`), "端口之前应为主机"},
	{regexp.MustCompile(`expected a port after the host`), "主机之后应为端口"},
	{regexp.MustCompile(`expected a port number \(0-65535\)`), "应为端口号（0-65535）"},
	{regexp.MustCompile(`^(.*) in ("(?:[^"\\]|\\.)*")(；|$)`), "$1（位于 $2）$3"},
}

// ErrorText is an input error or skip reason as the user reads it in
// language l: in Chinese, the sentences pcaplint wrote itself are
// translated, positions and names kept.
func ErrorText(msg string, l rules.Lang) string {
	if l != rules.Chinese {
		return msg
	}
	for _, e := range errorZh {
		msg = e.re.ReplaceAllString(msg, e.zh)
	}
	return msg
}

// notCheckedIn is "not checked", which begins the line of a part of an
// input the checks could not look at, in language l.
func notCheckedIn(l rules.Lang) string {
	if l == rules.Chinese {
		return "未检查"
	}
	return "not checked"
}

// notReadIn says that an interruption left an input unread, in language
// l: "not read: interrupted" in a text line, "not read (interrupted)"
// in a Markdown item.
func notReadIn(l rules.Lang, markdown bool) string {
	switch {
	case l == rules.Chinese:
		return "未读取：运行被中断"
	case markdown:
		return "not read (interrupted)"
	}
	return "not read: interrupted"
}

// CaptureLossTextIn is CaptureLossText in language l.
func (f *File) CaptureLossTextIn(l rules.Lang) string { return lossTextIn(f, l) }
