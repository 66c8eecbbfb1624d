package tcp

import "fmt"

// Problem is something wrong in the input at a position: a malformed packet,
// a text line that does not parse, a truncated file. Fatal problems end the
// reading of the input; the others are reported and reading goes on.
type Problem struct {
	Pos   Pos
	Msg   string
	Fatal bool
}

// Error renders the problem as "position: message", with the byte offset
// for capture positions.
func (p Problem) Error() string { return p.Pos.Detail() + ": " + p.Msg }

// MaxProblems is how many problems Stats keeps in detail per input; more
// are counted in Stats.MoreProblems so that a flood of broken packets
// cannot exhaust memory, and none is dropped without a trace.
const MaxProblems = 1000

// Stats counts what a reader saw in one input, so that nothing it skipped
// goes unreported.
type Stats struct {
	Records   int64 // packets read: a capture's packet records, or the packets of a text
	Lines     int64 // text lines read (text input only)
	TCP       int64 // TCP segments returned
	UDP       int64
	ICMP      int64
	ARP       int64
	OtherIP   int64 // IP packets of other protocols
	OtherLink int64 // frames that are not IP (other ethertypes, unknown link types)
	Fragments int64 // IP fragments after the first (their TCP header is elsewhere)
	Malformed int64 // packets or lines that could not be decoded
	Truncated int64 // TCP segments captured shorter than they were sent
	Other     int64 // text lines that are not packets (banners, annotations)

	// UndecodedLink counts the packets of link types the reader does not
	// decode (IP over InfiniBand, say), also counted in OtherLink;
	// UndecodedLinkType is the first such type's LINKTYPE_ number.
	UndecodedLink     int64
	UndecodedLinkType string

	// KernelDrops sums the "N packets dropped by kernel" counts tcpdump
	// prints when it stops, over every run a log holds, or a pcapng
	// file's Interface Statistics Block drop counters: packets the
	// capture lost, not the network. DropReports counts those lines or
	// interfaces; 0 means the input does not say. DropsCountedBy names
	// the source of the count, "" for tcpdump's line.
	KernelDrops    int64
	DropReports    int64
	DropsCountedBy string

	Problems     []Problem
	MoreProblems int64
}

// Report records a problem, keeping at most MaxProblems in detail.
func (s *Stats) Report(p Problem) {
	if len(s.Problems) < MaxProblems {
		s.Problems = append(s.Problems, p)
		return
	}
	s.MoreProblems++
}

// Reportf records a non-fatal problem at pos.
func (s *Stats) Reportf(pos Pos, format string, args ...any) {
	s.Report(Problem{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Skipped is the number of records that did not yield a TCP segment.
func (s *Stats) Skipped() int64 {
	return s.UDP + s.ICMP + s.ARP + s.OtherIP + s.OtherLink + s.Fragments + s.Malformed
}
