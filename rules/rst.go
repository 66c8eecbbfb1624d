package rules

import "github.com/pcaplint/pcaplint/parse/tcp"

// RSTWindow is the receive window a RST sent in direction d is checked
// against: [rcv.nxt, rcv.nxt+win), from the receiver's highest ack and its
// latest window. ok is false when it is unknown: the handshake is not
// complete (a RST then answers a SYN and is judged by its ack, RFC 9293
// section 3.10.7.3), or the receiver sent no ack or window yet.
func (c *Conn) RSTWindow(d Dir) (rcvNxt, win uint32, ok bool) {
	r := &c.Sides[d.Peer()]
	if !(c.Established() || c.Midstream) || !r.HasAck || !r.HasWin {
		return 0, 0, false
	}
	return r.MaxAck, max(r.Win, 1), true
}

// RSTIgnored reports whether seg, sent in direction d, is a RST whose seq
// falls outside the receiver's window (RSTWindow), so that the receiver
// ignores it (RFC 5961 section 3.2). Judged before seg is added.
func (c *Conn) RSTIgnored(d Dir, seg *tcp.Segment) bool {
	if !seg.Has(tcp.KnownFlags) || seg.Flags&tcp.RST == 0 || !seg.Has(tcp.KnownSeq) {
		return false
	}
	rcvNxt, win, ok := c.RSTWindow(d)
	if !ok {
		return false
	}
	off := seg.Seq - rcvNxt
	return !tcp.SeqLEQ(rcvNxt, seg.Seq) || off >= win
}

// ResetAccepted reports whether a RST either way was accepted: its
// receiver did not ignore it (RSTIgnored), so both ends are done with the
// connection (RFC 9293 section 3.10.7.4). Closed, and custom rules'
// conn.reset, count every RST.
func (c *Conn) ResetAccepted() bool {
	return c.Sides[FromClient].resetSent || c.Sides[FromServer].resetSent
}
