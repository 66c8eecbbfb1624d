package report

import (
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// TestLossSummaryNamesWhoCountedTheDrops: each input's drop count is said
// with its source, and the summary over inputs of different sources says
// the inputs counted them.
func TestLossSummaryNamesWhoCountedTheDrops(t *testing.T) {
	tcpdumpLog := File{Stats: tcp.Stats{KernelDrops: 60, DropReports: 1}}
	pcapng := File{Stats: tcp.Stats{KernelDrops: 5, DropReports: 1, DropsCountedBy: "the pcapng interface statistics"}}
	clean := File{Stats: tcp.Stats{DropReports: 1, DropsCountedBy: "the pcapng interface statistics"}}
	for _, c := range []struct {
		name  string
		files []File
		want  string
	}{
		{"tcpdump's line", []File{tcpdumpLog}, "capture loss, not network loss: tcpdump says the kernel dropped 60 packets"},
		{"pcapng statistics", []File{pcapng}, "capture loss, not network loss: the pcapng interface statistics count 5 packets dropped by the capture"},
		{"a clean input does not mix", []File{clean, pcapng}, "capture loss, not network loss: the pcapng interface statistics count 5 packets dropped by the capture"},
		{"mixed sources", []File{pcapng, tcpdumpLog}, "capture loss, not network loss: the inputs count 65 packets dropped by the capture"},
		{"nothing dropped", []File{clean}, ""},
	} {
		r := &Report{Files: c.files}
		if got := r.lossSummary(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
