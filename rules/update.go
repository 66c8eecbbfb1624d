package rules

import (
	"slices"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// lastSegment is what copy detection remembers of a direction's previous
// segment.
type lastSegment struct {
	time   time.Time
	iface  int32
	seq    uint32
	ack    uint32
	length uint32
	flags  tcp.Flags
	ipid   uint16
	window uint16
	valid  bool
}

// update folds a segment sent in direction d into the connection.
func (c *Conn) update(d Dir, seg *tcp.Segment) {
	s, peer := &c.Sides[d], &c.Sides[d.Peer()]
	if seg.Time.Before(c.Start) || c.Start.IsZero() {
		c.Start = seg.Time
	}
	if seg.Time.After(c.End) {
		c.End = seg.Time
	}
	s.Packets++
	if !seg.Has(tcp.KnownTime) {
		c.untimed = true
	}
	c.LastPos = seg.Pos
	s.Bytes += int64(seg.PayloadLen)
	c.last[d] = lastSegment{valid: true, time: seg.Time, iface: seg.Interface, seq: seg.Seq, ack: seg.Ack,
		flags: seg.Flags, length: seg.PayloadLen, ipid: seg.IPID, window: seg.Window}

	c.zeekHistory(d, seg)
	if seg.PayloadLen > 0 && seg.Has(tcp.KnownSeq) && s.HasNxt && tcp.SeqLess(seg.Seq, s.Nxt) {
		c.AddHistory(d, HistRetransmission)
	}
	c.zeekObserve(d, seg)
	c.handshakeTimes(d, seg)
	if seg.Has(tcp.KnownFlags) && seg.Flags&tcp.RST != 0 && !c.RSTIgnored(d, seg) {
		s.resetSent = true
	}
	c.advanceStates(d, seg)
	s.absorb(seg, peer)
}

// absorb updates the sender's sequence state: nxt, maxAck, window, FIN,
// handshake options.
func (s *Side) absorb(seg *tcp.Segment, peer *Side) {
	f := seg.Flags
	known := seg.Has(tcp.KnownFlags)
	if known && f&tcp.SYN != 0 {
		s.SYNs++
		if !s.HasISN {
			s.ISN, s.HasISN = seg.Seq, true
		}
		if seg.Has(tcp.KnownOptions) {
			if seg.Options.Has&tcp.OptWScale != 0 {
				s.WScale = int8(min(seg.Options.WScale, 14))
			}
			if seg.Options.Has&tcp.OptMSS != 0 {
				s.MSS = seg.Options.MSS
			}
			s.SACKOK = seg.Options.Has&tcp.OptSACKPermitted != 0
		}
	}
	if seg.Has(tcp.KnownSeq) {
		end := seg.End()
		if !s.HasNxt || tcp.SeqLess(s.Nxt, end) {
			s.Nxt, s.HasNxt = end, true
		}
		if known && f&tcp.FIN != 0 && !s.HasFIN {
			s.FIN, s.HasFIN = seg.Seq+seg.PayloadLen, true
		}
	}
	if known && f&tcp.RST != 0 {
		s.RST = true
	}
	if seg.Has(tcp.KnownAck) && known && f&tcp.ACK != 0 {
		if !s.HasAck || tcp.SeqLess(s.MaxAck, seg.Ack) {
			s.MaxAck, s.HasAck = seg.Ack, true
		}
	}
	if seg.Has(tcp.KnownOptions) && seg.Options.Has&tcp.OptTimestamp != 0 && (!known || f&tcp.RST == 0) {
		s.tsVal, s.tsMilli, s.hasTS = seg.Options.TSVal, uint32(seg.Time.UnixMilli()), true
	}
	if seg.Has(tcp.KnownWindow) && (!known || f&tcp.RST == 0) {
		s.RawWin, s.HasWin = seg.Window, true
		s.Win = s.ScaledWindow(seg.Window, peer, known && f&tcp.SYN != 0)
	}
}

// ScaledWindow applies the sender's window scale to a raw window field: the
// scale applies only when both SYNs carried the option, and never to a SYN
// (RFC 7323 section 2.2).
func (s *Side) ScaledWindow(raw uint16, peer *Side, syn bool) uint32 {
	if syn || s.WScale < 0 || peer.WScale < 0 {
		return uint32(raw)
	}
	return uint32(raw) << uint(s.WScale)
}

// handshakeTimes records when the SYN, SYN-ACK and completing ACK passed.
func (c *Conn) handshakeTimes(d Dir, seg *tcp.Segment) {
	if !seg.Has(tcp.KnownFlags) {
		return
	}
	f := seg.Flags
	switch {
	case f&(tcp.SYN|tcp.ACK) == tcp.SYN && d == FromClient && !c.SYNSeen():
		c.handshake |= sawSYN
		c.SYNTime = seg.Time
	case f&(tcp.SYN|tcp.ACK) == tcp.SYN|tcp.ACK && d == FromServer && !c.SYNACKSeen():
		c.handshake |= sawSYNACK
		c.SYNACKTime = seg.Time
	case f&(tcp.SYN|tcp.ACK|tcp.RST) == tcp.ACK && d == FromClient && !c.Established() &&
		c.SYNACKSeen() && (!seg.Has(tcp.KnownAck) || !c.Sides[FromServer].HasISN || seg.Ack == c.Sides[FromServer].ISN+1):
		c.handshake |= sawEstablished
		c.EstablishedTime = seg.Time
	}
}

func sortByID(cs []*Conn) {
	slices.SortFunc(cs, func(a, b *Conn) int { return a.ID - b.ID })
}
