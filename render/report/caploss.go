package report

import (
	"fmt"
	"strings"
)

// lossText says what the capture of f missed, in words, or "" when there
// is no sign that it missed anything: the share of ACKs above holes never
// captured (the capture-loss estimate) and the packets the kernel dropped
// by tcpdump's count. Both explain seq-gap and ack-unseen findings: the
// bytes reached the receiver, the capture did not see them.
func lossText(f *File) string {
	var parts []string
	if l := f.Loss; l.GapAcks > 0 {
		parts = append(parts, fmt.Sprintf("%d of %s (%.1f%%) acknowledge %s the capture never saw",
			l.GapAcks, plural(int(l.Acks), "ACK"), l.Percent(), plural(int(l.GapBytes), "byte")))
	}
	if s := &f.Stats; s.KernelDrops > 0 {
		parts = append(parts, dropsText(s.DropsCountedBy, s.KernelDrops))
	}
	if len(parts) == 0 {
		return ""
	}
	return "capture loss, not network loss: " + strings.Join(parts, "; ")
}

// mixedDropCounts stands for the source of a sum of drop counts from
// inputs that counted them differently.
const mixedDropCounts = "mixed"

// dropsText says how many packets the capture itself dropped, by the
// count's source (tcp.Stats.DropsCountedBy).
func dropsText(by string, n int64) string {
	switch by {
	case "":
		return fmt.Sprintf("tcpdump says the kernel dropped %s", plural(int(n), "packet"))
	case mixedDropCounts:
		return fmt.Sprintf("the inputs count %s dropped by the capture", plural(int(n), "packet"))
	}
	return fmt.Sprintf("%s count %s dropped by the capture", by, plural(int(n), "packet"))
}

// lossSummary sums the capture loss over every input for the summary
// line, or "" when no capture missed anything.
func (r *Report) lossSummary() string { return lossText(r.lossTotal()) }

// lossTotal is a File holding the capture loss of every input summed.
func (r *Report) lossTotal() *File {
	var total File
	drops := 0 // inputs with a drop count
	for i := range r.Files {
		f := &r.Files[i]
		total.Loss.Acks += f.Loss.Acks
		total.Loss.GapAcks += f.Loss.GapAcks
		total.Loss.GapBytes += f.Loss.GapBytes
		total.Stats.KernelDrops += f.Stats.KernelDrops
		if f.Stats.KernelDrops > 0 {
			switch by := f.Stats.DropsCountedBy; {
			case drops == 0:
				total.Stats.DropsCountedBy = by
			case by != total.Stats.DropsCountedBy:
				total.Stats.DropsCountedBy = mixedDropCounts
			}
			drops++
		}
	}
	return &total
}

// JSONCaptureLoss is the JSON form of an input's capture loss: ACKs that
// acknowledged new data, those of them above a hole never captured, the
// bytes in the holes, their share in percent, and the packets the capture
// dropped by tcpdump's count or a pcapng file's interface statistics
// (null when the input does not say).
type JSONCaptureLoss struct {
	Acks        int64   `json:"acks"`
	GapAcks     int64   `json:"gap_acks"`
	GapBytes    int64   `json:"gap_bytes"`
	Percent     float64 `json:"percent"`
	KernelDrops *int64  `json:"kernel_drops"`
}

// newJSONCaptureLoss converts f's capture loss.
func newJSONCaptureLoss(f *File) JSONCaptureLoss {
	j := JSONCaptureLoss{Acks: f.Loss.Acks, GapAcks: f.Loss.GapAcks, GapBytes: f.Loss.GapBytes,
		Percent: roundPercent(f.Loss.Percent())}
	if f.Stats.DropReports > 0 {
		n := f.Stats.KernelDrops
		j.KernelDrops = &n
	}
	return j
}

// roundPercent keeps two decimals, so that reports compare as text.
func roundPercent(p float64) float64 { return float64(int64(p*100+0.5)) / 100 }

// CaptureLossText says in words what the capture of the input missed, or
// "" when there is no sign that it missed anything.
func (f *File) CaptureLossText() string { return lossText(f) }
