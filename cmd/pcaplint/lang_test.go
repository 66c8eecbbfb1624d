package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/internal/english"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// TestLintSpeaksChinese wants lint --lang zh to print the findings'
// messages in Chinese in every format, with JSON's message kept English
// beside message_localized, and an unknown language refused as usage.
func TestLintSpeaksChinese(t *testing.T) {
	const input = "../../testdata/captures/real/rst-abort.txt"
	const english = "RST from server 127.0.0.1:9102 with 0 bytes unacknowledged"
	const chinese = "服务器端 127.0.0.1:9102 发送 RST 断开连接"
	for _, tc := range []struct {
		format   string
		want     []string
		unwanted string
	}{
		{"text", []string{"rst-unexpected: " + chinese, "共 1 条检查发现（错误 0、警告 1、提示 0），1 个输入，1 个连接"}, english},
		{"github", []string{"title=rst-unexpected::" + chinese}, english},
		{"markdown", []string{chinese, "### pcaplint: 共 1 条检查发现"}, english},
		{"junit", []string{chinese}, english},
		{"sarif", []string{chinese}, english},
		{"json", []string{`"message": "` + english, `"message_localized": "` + chinese}, ""},
	} {
		t.Run(tc.format, func(t *testing.T) {
			code, out, errOut := runCmd(t, append(checks.All(), checks.Limits()...), "lint", "--lang", "zh", "-f", tc.format, input)
			if code != 1 {
				t.Fatalf("exit %d, want 1; stderr %s", code, errOut)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if tc.unwanted != "" && strings.Contains(out, tc.unwanted) {
				t.Errorf("output holds the English message:\n%s", out)
			}
		})
	}
	if code, _, errOut := runCmd(t, checks.All(), "lint", "--lang", "fr", input); code != 2 || !strings.Contains(errOut, "--lang") {
		t.Errorf("--lang fr: exit %d, stderr %q; want 2 and a --lang error", code, errOut)
	}
}

// TestLintChineseHasNoEnglish lints every input in testdata with --lang
// zh in the text and Markdown formats and wants no English sentence in
// what the user reads, on stdout or stderr: the findings' lines with
// their severities, what could not be checked, the capture loss, the
// input errors, the skipped files and the batch summary. File names and
// the quoted first line of a file that is not a log are the inputs'.
func TestLintChineseHasNoEnglish(t *testing.T) {
	if testing.Short() {
		t.Skip("lints every input in testdata")
	}
	names := regexp.MustCompile("[^ `|（(]*testdata/[^ `|）):：]*")
	quoted := regexp.MustCompile(`"([^"\\]|\\.)*"`)
	for _, format := range []string{"text", "markdown"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := runCmd(t, append(checks.All(), checks.Limits()...),
				"lint", "--lang", "zh", "--rules", "strict", "--fail-on", "never", "-f", format, "../../testdata")
			if code != 2 {
				t.Errorf("exit %d, want 2 (testdata holds broken inputs)", code)
			}
			lines := strings.Split(out+errOut, "\n")
			if len(lines) < 1000 {
				t.Fatalf("only %d lines:\n%s", len(lines), out+errOut)
			}
			bad := 0
			for _, l := range lines {
				if e := english.Sentence(names.ReplaceAllString(quoted.ReplaceAllString(l, ""), "")); e != "" {
					t.Errorf("English %q in %q", e, l)
					if bad++; bad == 10 {
						t.Fatal("and more")
					}
				}
			}
		})
	}
}

// TestHTMLReportInChinese writes the page of lint --lang zh --html over
// a log with a finding and an input that is not one, compares it with
// its golden file (without the style sheet and script), and wants no English sentence in what the page shows
// before its script runs (the script's words are checked by
// TestEveryWordHasChinese in render/html, and in a browser by
// TestHTMLReportKeyboard).
func TestHTMLReportInChinese(t *testing.T) {
	page := filepath.Join(t.TempDir(), "index.html")
	code, _, errOut := runCmd(t, builtinChecks(), "lint", "--lang", "zh", "--html", page,
		"../../testdata/captures/real/rst-abort.txt", "../../testdata/captures/craft/broken-text.pcap")
	if code != 2 {
		t.Fatalf("exit %d, want 2 (an input is broken); stderr %s", code, errOut)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	// The golden file leaves out the page's style sheet and script,
	// which are render/html's files as they are.
	golden(t, "report-zh.html", regexp.MustCompile(`(?s)(<style>\n).*?(</style>)|(<script>\n).*?(</script>)`).ReplaceAllString(string(b), "$1$3…$2$4"))
	text := regexp.MustCompile(`(?s)<style>.*?</style>|<script.*?</script>|<[^>]*>|"[^"]*"|&#34;.*?&#34;`).ReplaceAllString(string(b), "\n")
	if !strings.Contains(text, "检查发现") || !strings.Contains(string(b), `<html lang="zh-CN">`) {
		t.Errorf("the page is not in Chinese:\n%s", text)
	}
	for _, l := range strings.Split(text, "\n") {
		if e := english.Sentence(strings.ReplaceAll(l, "../../testdata/", "")); e != "" {
			t.Errorf("English %q in %q", e, l)
		}
	}
}

// TestQuietLeavesOutChineseWarnings: -q leaves the warnings out of
// standard error in Chinese as in English, and the errors in.
func TestQuietLeavesOutChineseWarnings(t *testing.T) {
	const log = "../../testdata/checks/handshake-bad-ack/bad-acks.txt" // warns that -S is not known yet
	_, _, loud := runCmd(t, builtinChecks(), "lint", "--lang", "zh", log)
	if !strings.Contains(loud, "pcaplint: 警告：") || strings.Contains(loud, "pcaplint: warning:") {
		t.Fatalf("without -q, stderr %q; want the warning in Chinese", loud)
	}
	if _, _, quiet := runCmd(t, builtinChecks(), "-q", "lint", "--lang", "zh", log); quiet != "" {
		t.Errorf("with -q, stderr %q; want nothing", quiet)
	}
	_, _, broken := runCmd(t, builtinChecks(), "-q", "lint", "--lang", "zh", "../../testdata/captures/craft/broken-empty.pcap")
	if !strings.Contains(broken, "pcaplint: 错误：") || !strings.Contains(broken, "输入是空的") {
		t.Errorf("with -q, an input error reads %q; want it in Chinese", broken)
	}
}
