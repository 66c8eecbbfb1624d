package diagram

import (
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// numbering turns sequence numbers into what tcpdump prints: relative to
// each side's initial sequence number, except on segments carrying SYN,
// which show the absolute numbers the relative ones count from.
type numbering struct {
	absolute bool
	base     [2]uint32 // per sending direction
	hasBase  [2]bool
	// shift is the window scale in force per direction, -1 for none: RFC
	// 7323 section 2.2 scales only when both SYNs carried the option.
	shift   [2]int8
	lastWin [2]int32 // -1 before the first window of the direction
}

func newNumbering(c *rules.Conn, absolute bool) *numbering {
	n := &numbering{absolute: absolute, lastWin: [2]int32{-1, -1}, shift: [2]int8{-1, -1}}
	for d := range c.Sides {
		if c.Sides[d].HasISN {
			n.base[d], n.hasBase[d] = c.Sides[d].ISN, true
		}
	}
	if c.Sides[0].WScale >= 0 && c.Sides[1].WScale >= 0 {
		n.shift = [2]int8{min(c.Sides[0].WScale, 14), min(c.Sides[1].WScale, 14)}
	}
	return n
}

// seq renders sequence number v of direction d.
func (n *numbering) seq(d rules.Dir, v uint32, abs bool) string {
	if !n.hasBase[d] {
		n.base[d], n.hasBase[d] = v, true // no SYN seen: count from the first seen
	}
	if n.absolute || abs {
		return strconv.FormatUint(uint64(v), 10)
	}
	return strconv.FormatUint(uint64(v-n.base[d]), 10)
}

// label renders s the way tcpdump prints it, shortened for an arrow:
// "[S] seq 2927179378 win 32792 <mss 16396,wscale 3>", "[P.] 1:8 (7) ack 1".
func (n *numbering) label(s *Seg) string {
	var b strings.Builder
	b.WriteByte('[')
	if s.Has(tcp.KnownFlags) {
		b.WriteString(s.Flags.String())
	} else {
		b.WriteByte('?')
	}
	b.WriteByte(']')
	syn := s.Flags&tcp.SYN != 0
	d, peer := s.Dir, s.Dir.Peer()
	if s.Has(tcp.KnownSeq) {
		switch {
		case s.PayloadLen > 0:
			b.WriteString(" " + n.seq(d, s.Seq, syn) + ":" + n.seq(d, s.Seq+s.PayloadLen, syn))
			b.WriteString(" (" + strconv.FormatUint(uint64(s.PayloadLen), 10) + ")")
		case s.Flags&(tcp.SYN|tcp.FIN|tcp.RST) != 0:
			b.WriteString(" seq " + n.seq(d, s.Seq, syn))
		}
	}
	if s.Flags&tcp.ACK != 0 && s.Has(tcp.KnownAck) {
		b.WriteString(" ack " + n.seq(peer, s.Ack, syn))
	}
	n.window(&b, s)
	if s.MSS != 0 || s.WScale >= 0 {
		b.WriteString(" " + synOptions(s))
	}
	for i := 0; i < int(s.NumSACK) && i < len(s.SACK); i++ {
		if i == 0 {
			b.WriteString(" sack")
		}
		blk := s.SACK[i]
		b.WriteString(" {" + n.seq(peer, blk.Left, false) + ":" + n.seq(peer, blk.Right, false) + "}")
	}
	return b.String()
}

// window writes the advertised window when it says something new: on
// SYNs, when it changed since the sender's last segment, and when it is
// zero. A scaled window reads "win 4099 (×8 = 32792)".
func (n *numbering) window(b *strings.Builder, s *Seg) {
	if !s.Has(tcp.KnownWindow) || s.Flags&tcp.RST != 0 {
		return // a reset advertises nothing: its window field is noise
	}
	d := s.Dir
	syn := s.Flags&tcp.SYN != 0
	changed := n.lastWin[d] != int32(s.Window)
	n.lastWin[d] = int32(s.Window)
	if !syn && !changed && s.Window != 0 {
		return
	}
	b.WriteString(" win " + strconv.Itoa(int(s.Window)))
	if sh := n.shift[d]; !syn && sh > 0 {
		scaled := uint64(s.Window) << uint(sh)
		b.WriteString(" (×" + strconv.Itoa(1<<uint(sh)) + " = " + strconv.FormatUint(scaled, 10) + ")")
	}
}

// synOptions renders the options that shape the connection, as tcpdump
// names them: "<mss 16396,wscale 3>".
func synOptions(s *Seg) string {
	var parts []string
	if s.MSS != 0 {
		parts = append(parts, "mss "+strconv.Itoa(int(s.MSS)))
	}
	if s.WScale >= 0 {
		parts = append(parts, "wscale "+strconv.Itoa(int(s.WScale)))
	}
	return "<" + strings.Join(parts, ",") + ">"
}

// classOf sorts a segment for styling.
func classOf(s *Seg) Class {
	switch {
	case s.Flags&tcp.RST != 0:
		return ClassRST
	case s.Flags&tcp.SYN != 0:
		return ClassSYN
	case s.Flags&tcp.FIN != 0:
		return ClassFIN
	case s.PayloadLen > 0:
		return ClassData
	}
	return ClassAck
}
