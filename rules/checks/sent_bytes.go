package checks

import (
	"sync"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// sentBytes keeps the payload one direction sent that its peer has not
// yet acknowledged, so that a retransmission can be compared with what
// was first sent (retransmission-inconsistent). It keeps at most the
// check's max-bytes, the oldest first: a retransmission resends the bytes
// just above the cumulative ACK (RFC 9293 section 3.8.1, RFC 6298 section
// 5), so those are the ones worth keeping. Bytes leave as the peer's ACK
// passes them, so memory follows the unacknowledged data of the live
// connections, never the length of the input.
//
// The kept bytes are contiguous in sequence space: buf[off:] holds the
// bytes from seq start on. next is the end of the run of contiguous bytes
// seen from start, which passes the kept bytes once max-bytes is reached.
// A segment beyond next (a hole: bytes lost before the capture point, or
// cut by the snapshot length) starts a new run: what the capture did not
// hold is never compared.
type sentBytes struct {
	buf   []byte
	off   int
	start uint32
	next  uint32
	has   bool
}

// sentBytesFree keeps the stores of ended connections with their buffers,
// up to maxFreeSentBytes of buffer in all, for the connections that open
// next. A sync.Pool would not do: the collector empties it at every cycle,
// and a fresh buffer, grown and zeroed, cost a third of lint's CPU on a
// capture of many short connections.
var sentBytesFree struct {
	sync.Mutex
	list  []*sentBytes
	bytes int
}

// maxFreeSentBytes bounds the buffer bytes sentBytesFree holds.
const maxFreeSentBytes = 8 << 20

// newSentBytes takes a store from sentBytesFree, or makes one.
func newSentBytes() *sentBytes {
	f := &sentBytesFree
	f.Lock()
	defer f.Unlock()
	n := len(f.list)
	if n == 0 {
		return new(sentBytes)
	}
	s := f.list[n-1]
	f.list[n-1] = nil
	f.list = f.list[:n-1]
	f.bytes -= cap(s.buf)
	return s
}

// kept returns the bytes kept, from seq start on.
func (s *sentBytes) kept() []byte { return s.buf[s.off:] }

// ack drops the bytes the peer acknowledged: those below ack.
func (s *sentBytes) ack(ack uint32) {
	if !s.has || !tcp.SeqLess(s.start, ack) {
		return
	}
	if n := ack - s.start; n < uint32(len(s.kept())) {
		s.off += int(n)
	} else {
		s.buf, s.off = s.buf[:0], 0
	}
	s.start = ack
	if tcp.SeqLess(s.next, ack) {
		s.next = ack
	}
}

// add takes the payload p sent at seq (the sender's bytes, all above the
// peer's ACK), keeping at most limit bytes in all.
func (s *sentBytes) add(seq uint32, p []byte, limit int) {
	end := seq + uint32(len(p))
	switch kept := len(s.kept()); {
	case !s.has || kept == 0 || tcp.SeqLess(s.next, seq):
		s.buf, s.off, s.start, s.next, s.has = s.buf[:0], 0, seq, end, true
		s.keep(p, limit)
	case tcp.SeqLess(s.next, end):
		if s.start+uint32(kept) == s.next {
			s.keep(p[s.next-seq:], limit)
		}
		s.next = end
	}
}

// keep appends p to the kept bytes, as much of it as limit leaves room
// for, moving the kept bytes to the front of buf rather than growing it
// when the acknowledged bytes before them make room.
func (s *sentBytes) keep(p []byte, limit int) {
	kept := len(s.kept())
	room := limit - kept
	if room <= 0 {
		return
	}
	p = p[:min(len(p), room)]
	if s.off > 0 && len(s.buf)+len(p) > cap(s.buf) {
		copy(s.buf, s.kept())
		s.buf, s.off = s.buf[:kept], 0
	}
	s.buf = append(s.buf, p...)
}

// compare compares p, sent at seq, with the kept bytes it overlaps. It
// returns how many bytes overlap, how many of them differ, and the seq of
// the first that differs.
func (s *sentBytes) compare(seq uint32, p []byte) (overlap, differ int, first uint32) {
	kept := s.kept()
	if !s.has || len(kept) == 0 {
		return 0, 0, 0
	}
	lo, hi := seq, seq+uint32(len(p))
	if tcp.SeqLess(lo, s.start) {
		lo = s.start
	}
	if keptEnd := s.start + uint32(len(kept)); tcp.SeqLess(keptEnd, hi) {
		hi = keptEnd
	}
	if !tcp.SeqLess(lo, hi) {
		return 0, 0, 0
	}
	a, b := kept[lo-s.start:hi-s.start], p[lo-seq:hi-seq]
	for i := range a {
		if a[i] != b[i] {
			if differ == 0 {
				first = lo + uint32(i)
			}
			differ++
		}
	}
	return len(a), differ, first
}

// release empties the store and returns it to sentBytesFree, unless that
// holds enough already.
func (s *sentBytes) release() {
	*s = sentBytes{buf: s.buf[:0]}
	f := &sentBytesFree
	f.Lock()
	defer f.Unlock()
	if f.bytes+cap(s.buf) <= maxFreeSentBytes {
		f.list = append(f.list, s)
		f.bytes += cap(s.buf)
	}
}
