package explain

import (
	"strconv"
	"strings"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// lineWriter prints segments of a capture the way "tcpdump -n" does,
// including its relative sequence numbers (print-tcp.c): a segment
// without ACK is printed absolute; the first ACK-bearing segment of an
// address pair, and every SYN-ACK, is printed absolute and sets the bases
// (the sender's seq, and ack - 1 for the other direction); later
// ACK-bearing segments print seq, ack and SACK edges minus the bases.
type lineWriter struct {
	loc   *time.Location
	bases map[[2]tcp.Endpoint]*[2]uint32
}

func newLineWriter(loc *time.Location) *lineWriter {
	if loc == nil {
		loc = time.UTC
	}
	return &lineWriter{loc: loc, bases: make(map[[2]tcp.Endpoint]*[2]uint32)}
}

// forget drops the sequence bases of the 4-tuple of a and b, whose
// connection ended, so that a SYN flood's millions of 4-tuples are not all
// kept. tcpdump keeps them: a segment of the 4-tuple without SYN after
// its connection was let go of (evicted, or retired after its close) is
// printed with absolute numbers where tcpdump would print relative ones.
func (w *lineWriter) forget(a, b tcp.Endpoint) {
	key := [2]tcp.Endpoint{a, b}
	if b.Less(a) {
		key = [2]tcp.Endpoint{b, a}
	}
	delete(w.bases, key)
}

// line renders seg as tcpdump -n would, without a link-layer prefix.
func (w *lineWriter) line(seg *tcp.Segment) string {
	var b strings.Builder
	if seg.Has(tcp.KnownTime) {
		b.WriteString(seg.Time.In(w.loc).Format("15:04:05.000000 "))
	}
	b.WriteString(ipVersion(seg.Src))
	b.WriteString(" " + dotted(seg.Src) + " > " + dotted(seg.Dst) + ": ")
	seq, ack, sackBase := w.relative(seg)
	b.WriteString("Flags [" + seg.Flags.String() + "]")
	if seg.PayloadLen > 0 || seg.Flags.Any(tcp.SYN|tcp.FIN|tcp.RST) {
		b.WriteString(", seq " + u32(seq))
		if seg.PayloadLen > 0 {
			b.WriteString(":" + u32(seq+seg.PayloadLen))
		}
	}
	if seg.Flags.Has(tcp.ACK) {
		b.WriteString(", ack " + u32(ack))
	}
	b.WriteString(", win " + strconv.Itoa(int(seg.Window)))
	if seg.Flags.Has(tcp.URG) {
		b.WriteString(", urg " + strconv.Itoa(int(seg.Urgent)))
	}
	if opts := options(&seg.Options, sackBase); opts != "" {
		b.WriteString(", options [" + opts + "]")
	}
	b.WriteString(", length " + u32(seg.PayloadLen))
	return b.String()
}

// relative returns the seq and ack tcpdump prints, and the base it
// subtracts from SACK edges.
func (w *lineWriter) relative(seg *tcp.Segment) (seq, ack, sackBase uint32) {
	if !seg.Flags.Has(tcp.ACK) {
		return seg.Seq, seg.Ack, 0
	}
	key, me := [2]tcp.Endpoint{seg.Src, seg.Dst}, 0
	if seg.Dst.Less(seg.Src) {
		key, me = [2]tcp.Endpoint{seg.Dst, seg.Src}, 1
	}
	b, ok := w.bases[key]
	if !ok || seg.Flags.Has(tcp.SYN) {
		if !ok {
			b = new([2]uint32)
			w.bases[key] = b
		}
		b[me], b[1-me] = seg.Seq, seg.Ack-1
		return seg.Seq, seg.Ack, 0
	}
	return seg.Seq - b[me], seg.Ack - b[1-me], b[1-me]
}

// options renders the option list. The segment keeps which options it
// carried but not their order or padding, so they are printed in the
// order Linux writes them (tcp_options_write), with the NOPs Linux puts
// before them when the segment carried NOPs.
func options(o *tcp.Options, sackBase uint32) string {
	var parts []string
	add := func(s ...string) { parts = append(parts, s...) }
	nop := o.Has&tcp.OptNOP != 0
	pad := func(n int) {
		for range n {
			if nop {
				add("nop")
			}
		}
	}
	if o.Has&tcp.OptMSS != 0 {
		add("mss " + strconv.Itoa(int(o.MSS)))
	}
	sackOK, ts := o.Has&tcp.OptSACKPermitted != 0, o.Has&tcp.OptTimestamp != 0
	if ts {
		if sackOK {
			add("sackOK")
		} else {
			pad(2)
		}
		add("TS val " + u32(o.TSVal) + " ecr " + u32(o.TSEcr))
	}
	if sackOK && !ts {
		pad(2)
		add("sackOK")
	}
	if o.Has&tcp.OptWScale != 0 {
		pad(1)
		add("wscale " + strconv.Itoa(int(o.WScale)))
	}
	if o.NumSACK > 0 {
		pad(2)
		s := "sack " + strconv.Itoa(int(o.NumSACK)) + " "
		for _, blk := range o.SACKBlocks() {
			s += "{" + u32(blk.Left-sackBase) + ":" + u32(blk.Right-sackBase) + "}"
		}
		add(s)
	}
	if o.Has&tcp.OptTFO != 0 {
		add("tfo")
	}
	if o.Has&tcp.OptMPTCP != 0 {
		add("mptcp")
	}
	if o.Has&tcp.OptMD5 != 0 {
		add("md5")
	}
	for _, u := range o.Unknown[:o.NumUnknown] {
		add("unknown-" + strconv.Itoa(int(u.Kind)))
	}
	if o.Has&tcp.OptEOL != 0 {
		add("eol")
	}
	return strings.Join(parts, ",")
}

// ipVersion is tcpdump's protocol word for the endpoint's address family.
func ipVersion(e tcp.Endpoint) string {
	if e.Addr.Is6() && !e.Addr.Is4In6() {
		return "IP6"
	}
	return "IP"
}

// dotted writes an endpoint as tcpdump does: "10.0.0.1.443", "::1.443".
func dotted(e tcp.Endpoint) string {
	return e.Host() + "." + strconv.Itoa(int(e.Port))
}

func u32(v uint32) string { return strconv.FormatUint(uint64(v), 10) }
