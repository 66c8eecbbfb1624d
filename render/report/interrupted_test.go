package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
)

// interruptedReport is the sample report of a batch interrupted with two
// inputs left unread, one of them with a hostile name.
func interruptedReport() *Report {
	r := sampleReport()
	r.Interrupted = []Skip{{Path: "captures/late.pcap", Reason: "abandoned while being read"},
		{Path: "captures/x\x1b[2J\n.pcap", Reason: "not started"}}
	return r
}

// TestAnInterruptedReportSaysSoInEveryFormat: a report that an
// interruption left incomplete must not pass for a complete one in any
// format: every format names the inputs left unread, and the machine
// formats carry a marker tools can test (JSON "incomplete", SARIF
// executionSuccessful false, a JUnit error per input).
func TestAnInterruptedReportSaysSoInEveryFormat(t *testing.T) {
	r := interruptedReport()
	out := func(p Printer) string {
		t.Helper()
		var b bytes.Buffer
		if err := p.Print(&b, r); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for name, c := range map[string]struct {
		p    Printer
		want []string
	}{
		"text":      {Text{}, []string{"captures/late.pcap: not read: interrupted (abandoned while being read)\n", "; interrupted: 2 inputs not read, the report is incomplete"}},
		"quiet":     {Text{NoSummary: true}, []string{"captures/late.pcap: not read: interrupted (abandoned while being read)\n", "captures/x\\x1b[2J\\n.pcap: not read: interrupted (not started)\n"}},
		"zh":        {Text{Lang: rules.Chinese}, []string{"captures/late.pcap: 未读取：运行被中断 (读到一半时放弃)", "；运行被中断：2 个输入没有读，报告不完整"}},
		"markdown":  {Markdown{}, []string{"- not read (interrupted): `captures/late.pcap`: abandoned while being read\n", "interrupted: 2 inputs not read"}},
		"github zh": {GitHub{Lang: rules.Chinese}, []string{"::error file=captures/late.pcap,title=not read: interrupted::运行被中断（读到一半时放弃）：报告不完整\n"}},
		"github":    {GitHub{}, []string{"::error file=captures/late.pcap,title=not read: interrupted::interrupted (abandoned while being read): the report is incomplete"}},
	} {
		got := out(c.p)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %q in\n%s", name, w, got)
			}
		}
		if strings.Contains(got, "\x1b") {
			t.Errorf("%s: an escape character of an input's name is printed raw", name)
		}
	}

	var j JSONReport
	if err := json.Unmarshal([]byte(out(JSON{})), &j); err != nil {
		t.Fatal(err)
	}
	if !j.Incomplete || j.Summary.Unread != 2 || len(j.Unread) != 2 || j.Unread[0] != (JSONSkip{Path: "captures/late.pcap", Reason: "abandoned while being read"}) {
		t.Errorf("JSON: incomplete %v, summary.unread %d, unread %+v; want true, 2 and both inputs", j.Incomplete, j.Summary.Unread, j.Unread)
	}
	back, err := j.Report()
	if err != nil || len(back.Interrupted) != 2 {
		t.Errorf("decoded from JSON: %v, %d inputs unread, want 2", err, len(back.Interrupted))
	}

	var s struct {
		Runs []struct {
			Invocations []sarifInvocation `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out(SARIF{})), &s); err != nil {
		t.Fatal(err)
	}
	inv := s.Runs[0].Invocations[0]
	n := 0
	for _, note := range inv.ToolExecutionNotifications {
		if note.Descriptor.ID == "interrupted" && note.Level == "error" && len(note.Locations) == 1 {
			n++
		}
	}
	if inv.ExecutionSuccessful || n != 2 {
		t.Errorf("SARIF: executionSuccessful %v and %d interrupted notifications, want false and 2", inv.ExecutionSuccessful, n)
	}

	var ju junitSuites
	if err := xml.Unmarshal([]byte(out(JUnit{})), &ju); err != nil {
		t.Fatal(err)
	}
	last := ju.Suites[len(ju.Suites)-1]
	if last.Name != "pcaplint: interrupted" || last.Errors != 2 || len(last.Cases) != 2 || last.Cases[0].Error == nil ||
		last.Cases[0].Error.Type != "interrupted" || last.Properties == nil || last.Properties.Items[0] != (junitProperty{"incomplete", "true"}) {
		t.Errorf("JUnit: last suite %+v, want \"pcaplint: interrupted\" with an error per input and incomplete=true", last)
	}
	if ju.Errors < 2 {
		t.Errorf("JUnit: %d errors in all, want the 2 inputs unread among them", ju.Errors)
	}
}

// TestACompleteReportHasNoInterruptionMarker: without an interruption
// the formats keep their shape.
func TestACompleteReportHasNoInterruptionMarker(t *testing.T) {
	r := sampleReport()
	for _, p := range []Printer{Text{}, Markdown{}, GitHub{}, JSON{}, SARIF{}, JUnit{}} {
		var b bytes.Buffer
		if err := p.Print(&b, r); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "interrupted") || strings.Contains(b.String(), "incomplete") || strings.Contains(b.String(), `"unread"`) {
			t.Errorf("%T of a complete report speaks of an interruption:\n%s", p, b.String())
		}
	}
}
