package report

import (
	"fmt"
	"strings"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// Unchecked is a part of an input the checks could not look at, and why:
// a report must never read as clean when the checks did not run.
type Unchecked struct {
	// Reason is a stable code, one of the Unchecked… constants.
	Reason string
	// Count is how many packets or segments it concerns.
	Count int64
	// All is set when nothing in the input could be checked.
	All bool
	// Message says it in words, with the likely cause.
	Message string
}

// The reasons an input, or part of it, could not be checked.
const (
	// UncheckedNoTCP: the input holds no TCP segment (a capture filter
	// that left TCP out, an empty log).
	UncheckedNoTCP = "no-tcp"
	// UncheckedNoFlags: tcpdump text without TCP flags, sequence or
	// acknowledgement numbers (tcpdump -q): the checks that need them
	// were skipped.
	UncheckedNoFlags = "no-flags"
	// UncheckedLinkType: packets of a link type pcaplint does not decode.
	UncheckedLinkType = "link-type"
	// UncheckedNoTime: segments without a time (tcpdump -t, a pcapng
	// Simple Packet Block): the checks that measure time could not judge
	// them; the rest was checked.
	UncheckedNoTime = "no-time"
)

// NothingChecked reports whether no part of f could be checked.
func (f *File) NothingChecked() bool {
	for _, u := range f.Unchecked {
		if u.All {
			return true
		}
	}
	return false
}

// notChecked counts the inputs of which nothing could be checked.
func (r *Report) notChecked() int {
	n := 0
	for i := range r.Files {
		if r.Files[i].NothingChecked() {
			n++
		}
	}
	return n
}

// Assess fills f.Unchecked from what reading the input found: flagless
// counts its TCP segments that showed no flags, untimed those that had
// no time. A capture whose packets
// are all of a link type not decoded is an error of the input, not an
// input without TCP.
func (f *File) Assess(flagless, untimed int64) {
	s := &f.Stats
	f.Unchecked = f.Unchecked[:0]
	if s.UndecodedLink > 0 {
		u := Unchecked{Reason: UncheckedLinkType, Count: s.UndecodedLink, All: s.TCP == 0,
			Message: fmt.Sprintf("%s of link type %s not decoded (pcaplint decodes Ethernet, Linux cooked SLL and SLL2, raw IP and BSD loopback)",
				plural(int(s.UndecodedLink), "packet"), s.UndecodedLinkType)}
		f.Unchecked = append(f.Unchecked, u)
		if u.All && f.Err == nil {
			f.Err = fmt.Errorf("%s: link type %s is not decoded: none of its %s could be checked",
				f.Path, s.UndecodedLinkType, plural(int(s.UndecodedLink), "packet"))
		}
	}
	if s.TCP == 0 && s.UndecodedLink == 0 && (f.Err == nil || s.Records > 0) {
		f.Unchecked = append(f.Unchecked, Unchecked{Reason: UncheckedNoTCP, Count: s.Records, All: true,
			Message: "no TCP segment in " + noTCPWhat(s) + ": a capture filter that left TCP out, or a capture that caught nothing?"})
	}
	if flagless > 0 {
		f.Unchecked = append(f.Unchecked, Unchecked{Reason: UncheckedNoFlags, Count: flagless, All: flagless == s.TCP,
			Message: fmt.Sprintf("%d of %s show no TCP flags, sequence or acknowledgement numbers (tcpdump -q prints none): "+
				"the checks skipped them; log without -q to check them", flagless, plural(int(s.TCP), "TCP segment"))})
	}
	if untimed > 0 && flagless < s.TCP {
		why, hint := "pcapng Simple Packet Blocks have none", ""
		if s.Lines > 0 {
			why, hint = "tcpdump -t prints none", "; log without -t to check them"
		}
		f.Unchecked = append(f.Unchecked, Unchecked{Reason: UncheckedNoTime, Count: untimed,
			Message: fmt.Sprintf("%d of %s carry no time (%s): the checks that measure time "+
				"(how slow a handshake, how long a zero window, how late a resend) could not judge them%s",
				untimed, plural(int(s.TCP), "TCP segment"), why, hint)})
	}
}

// noTCPWhat says what an input without TCP held instead.
func noTCPWhat(s *tcp.Stats) string {
	if s.Records == 0 {
		if s.Lines > 0 {
			return plural(int(s.Lines), "line") + ", none of them a packet"
		}
		return "an input without packets"
	}
	what := plural(int(s.Records), "packet")
	if parts := otherRecords(s, rules.English); len(parts) > 0 {
		what += " (" + strings.Join(parts, ", ") + ")"
	}
	return what
}

// otherRecords counts, in language l, the packets of each kind that are
// not TCP: "3 UDP", "非 IP 28 个".
func otherRecords(s *tcp.Stats, l rules.Lang) []string {
	var parts []string
	for _, c := range []struct {
		n      int64
		en, zh string
	}{{s.UDP, "UDP", "UDP"}, {s.ICMP, "ICMP", "ICMP"}, {s.ARP, "ARP", "ARP"}, {s.OtherIP, "other IP", "其他 IP"},
		{s.OtherLink, "not IP", "非 IP"}, {s.Fragments, "fragments", "分片"}, {s.Malformed, "malformed", "畸形包"}} {
		switch {
		case c.n == 0:
		case l == rules.Chinese:
			parts = append(parts, fmt.Sprintf("%s %d 个", c.zh, c.n))
		default:
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.en))
		}
	}
	return parts
}
