package report

import (
	"bytes"
	"errors"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

func TestDiagnostics(t *testing.T) {
	noTCP := unchecked("captures/dns.pcap", tcp.Stats{Records: 9, UDP: 8, ARP: 1}, 0)
	warned := File{Path: "a.txt", Stats: tcp.Stats{Problems: []tcp.Problem{{Pos: tcp.Pos{File: "a.txt", Line: 3}, Msg: "bad line"}}, MoreProblems: 2}}
	cut := File{Path: "cut.pcap", Err: errors.New("cut.pcap:#3 (offset 200): record truncated")}
	for _, tc := range []struct {
		name   string
		d      Diagnostics
		rep    Report
		want   string
		failed bool
	}{
		{"clean", Diagnostics{}, Report{Files: []File{{Path: "ok.pcap"}}}, "", false},
		{"warnings do not fail", Diagnostics{}, Report{Files: []File{warned}},
			"pcaplint: warning: a.txt:3: bad line\npcaplint: warning: a.txt: 2 more problems not shown\n", false},
		{"an input error fails", Diagnostics{}, Report{Files: []File{cut}},
			"pcaplint: error: cut.pcap:#3 (offset 200): record truncated\n", true},
		{"errors first", Diagnostics{Errs: []error{errors.New("custom rule x: boom\nagain")}}, Report{Files: []File{warned}},
			"pcaplint: error: custom rule x: boom\\nagain\npcaplint: warning: a.txt:3: bad line\npcaplint: warning: a.txt: 2 more problems not shown\n", true},
		{"interrupted", Diagnostics{}, Report{Interrupted: []Skip{{Path: "b.pcap", Reason: "not started"}}},
			"pcaplint: interrupted: 1 inputs not processed:\n  b.pcap (not started)\n", true},
		{"no TCP", Diagnostics{}, Report{Files: []File{noTCP}},
			"pcaplint: error: captures/dns.pcap: nothing checked: " + noTCP.Unchecked[0].Message + " (--allow-empty accepts it)\n", true},
		{"no TCP allowed", Diagnostics{AllowEmpty: true}, Report{Files: []File{noTCP}}, "", false},
		{"empty directory", Diagnostics{Empty: []string{"dir: no files"}}, Report{},
			"pcaplint: error: dir: no files (--allow-empty accepts it)\n", true},
		{"empty directory allowed", Diagnostics{Empty: []string{"dir: no files"}, AllowEmpty: true}, Report{}, "", false},
		{"Chinese", Diagnostics{Lang: rules.Chinese}, Report{Interrupted: []Skip{{Path: "b.pcap", Reason: "not started"}}},
			"pcaplint: 运行被中断：1 个输入没有处理：\n  b.pcap (" + ErrorText("not started", rules.Chinese) + ")\n", true},
	} {
		text, failed := tc.d.Text(&tc.rep)
		if text != tc.want || failed != tc.failed {
			t.Errorf("%s: %q, failed %v; want %q, %v", tc.name, text, failed, tc.want, tc.failed)
		}
	}
}

// TestFileWriterPrintsWhatPrintBatchPrints: each format written input by
// input (NewFileWriter) is byte for byte what it prints whole.
func TestFileWriterPrintsWhatPrintBatchPrints(t *testing.T) {
	for _, format := range Formats {
		for _, quiet := range []bool{false, true} {
			p, err := New(format, Options{Checks: sampleChecks(), Quiet: quiet, Version: "test"})
			if err != nil {
				t.Fatal(err)
			}
			var whole, each bytes.Buffer
			if err := PrintBatch(&whole, p, sampleReport()); err != nil {
				t.Fatal(err)
			}
			fw := NewFileWriter(p, &each)
			if fw == nil {
				if format != "html" {
					t.Errorf("%s: no FileWriter", format)
				}
				continue
			}
			rep := sampleReport()
			for i := range rep.Files {
				if err := fw.File(&rep.Files[i]); err != nil {
					t.Fatal(err)
				}
			}
			if err := fw.Close(rep); err != nil {
				t.Fatal(err)
			}
			if each.String() != whole.String() {
				t.Errorf("%s (quiet %v): input by input\n%s\nwhole\n%s", format, quiet, each.String(), whole.String())
			}
		}
	}
}

func TestWorst(t *testing.T) {
	for _, tc := range []struct {
		rep  *Report
		want rules.Severity
	}{
		{&Report{}, rules.Off},
		{sampleReport(), rules.Error},
		{&Report{Files: []File{{Findings: []rules.Finding{{Severity: rules.Info}}}, {Tally: [rules.Error + 1]int{rules.Error: 1}}}}, rules.Info},
	} {
		if got := tc.rep.Worst(); got != tc.want {
			t.Errorf("Worst() = %v, want %v", got, tc.want)
		}
	}
}
