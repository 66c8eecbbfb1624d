package stats

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// RTTSource says what an RTTSample was measured from.
type RTTSource uint8

// Sources of RTT samples.
const (
	// ByAck: an ACK that acknowledged, up to exactly its end, a segment
	// the capture saw sent once, and nothing below it sent since (Karn's
	// rule, RFC 6298 section 3; tcptrace's samples).
	ByAck RTTSource = iota
	// ByEcho: an ACK of resent sequence space whose TSecr echoes the
	// TSval of one transmission only (RFC 7323 section 4: the timestamp
	// says which transmission the ACK answers).
	ByEcho
)

// String names the source as the JSON output does.
func (s RTTSource) String() string {
	if s == ByEcho {
		return "ts-echo"
	}
	return "ack"
}

// RTTSample is one round-trip time seen from the capture point: from a
// segment's transmission to the ACK that acknowledged it.
type RTTSample struct {
	// Dir is the direction of the acknowledged data: the sample is its
	// sender's RTT.
	Dir rules.Dir
	// At is when the ACK was captured, Pos where it was read.
	At  time.Time
	Pos tcp.Pos
	// RTT is the time from the transmission to the ACK.
	RTT    time.Duration
	Source RTTSource
}

// maxOutstanding bounds the ranges a direction keeps unacknowledged: 1024
// are about 40 KB, a window of 1.4 MB of full-sized segments. Beyond it the
// oldest two contiguous ranges are merged and give no sample.
const maxOutstanding = 1024

// RTTSampler measures the RTT samples of one connection, both directions,
// as its segments pass, in memory bounded by maxOutstanding ranges per
// direction. Feed it every segment of the connection in capture order;
// the zero value is ready to use. It takes its samples as tcptrace does
// (tcptrace -r): the ACK must acknowledge exactly up to the end of a
// segment seen once, with no segment below it sent later; and like
// Wireshark's tcp.analysis.ack_rtt it measures from the segment's
// transmission to the ACK. Where Karn's rule leaves an ACK of resent data
// without a sample, the ACK's TSecr may still name the transmission it
// answers (RFC 7323 section 4): a ByEcho sample.
//
// Segments without a time (tcpdump -t text), sequence numbers or flags
// give no samples. A one-byte segment sent while its receiver's window is
// zero is a zero-window probe and is left out (tcptrace leaves out every
// segment sent then, of any length, and so times the ACK of a segment
// resent into a zero window as if it were sent once).
type RTTSampler struct {
	flows [2]rttFlow
}

// rttFlow is what the sampler keeps of one direction's sequence space.
type rttFlow struct {
	// out are the ranges sent and not yet acknowledged, in sequence
	// order, from out[head]; head keeps popping cheap.
	out  []sentRange
	head int
	// floor: the sequence space below it is acknowledged or forgotten.
	floor    uint32
	hasFloor bool
	// ackedSent is the latest transmission of the ranges acknowledged so
	// far: a range sent before it, acknowledged now, had a range below it
	// resent after it (tcptrace's intervening transmissions).
	ackedSent time.Time
	// zeroWin: the direction's latest window was zero, so that what its
	// peer sends now is a probe.
	zeroWin bool
}

// sentRange is a range of sequence space [seq, end) and its transmissions.
type sentRange struct {
	seq, end uint32
	sent     time.Time // the latest transmission
	tsval    uint32    // its TSval
	sends    uint16    // transmissions seen, saturating
	hasTS    bool
	// tsFresh: the latest transmission's TSval differs from the one
	// before, so that an echo of it names that transmission.
	tsFresh bool
	// noSample: part of it was acknowledged, or it was merged.
	noSample bool
}

// Reset empties the sampler for another connection, keeping its memory.
func (s *RTTSampler) Reset() {
	for i := range s.flows {
		f := &s.flows[i]
		*f = rttFlow{out: f.out[:0]}
	}
}

// Segment folds in one segment sent in direction d, and returns the
// sample its acknowledgement yields, if any; unique is how many of its
// payload bytes the capture had not seen from d before (tcptrace's
// "unique bytes"; SYN and FIN are not bytes).
func (s *RTTSampler) Segment(d rules.Dir, seg *tcp.Segment) (sample RTTSample, ok bool, unique uint32) {
	if !seg.Has(tcp.KnownFlags) {
		return RTTSample{}, false, 0
	}
	f, peer := &s.flows[d], &s.flows[d.Peer()]
	probe := peer.zeroWin && seg.PayloadLen == 1 && seg.Flags&tcp.SYN == 0
	if seg.Has(tcp.KnownSeq) && seg.Len() > 0 && seg.Flags&tcp.RST == 0 && !probe {
		unique = f.sent(seg)
	}
	if seg.Has(tcp.KnownAck) && seg.Flags&tcp.ACK != 0 {
		sample, ok = peer.acked(seg)
		sample.Dir = d.Peer()
	}
	if seg.Has(tcp.KnownWindow) && seg.Flags&tcp.RST == 0 {
		f.zeroWin = seg.Window == 0
	}
	if !seg.Has(tcp.KnownTime) || seg.Time.IsZero() || sample.RTT < 0 {
		// no time, or the capture's clock stepped back: no round trip
		return RTTSample{}, false, unique
	}
	return sample, ok, unique
}

// live is the outstanding ranges.
func (f *rttFlow) live() []sentRange { return f.out[f.head:] }

// sent folds in a transmission of [seg.Seq, seg.End()): the ranges it
// covers are resent, the parts it covers of none are new ranges. It
// returns the new payload bytes.
func (f *rttFlow) sent(seg *tcp.Segment) uint32 {
	lo, hi := seg.Seq, seg.End()
	if !f.hasFloor {
		f.floor, f.hasFloor = lo, true
	}
	if tcp.SeqLEQ(hi, f.floor) {
		return 0 // all acknowledged already
	}
	lo = tcp.SeqMax(lo, f.floor)
	var unique uint32
	i := f.firstEndingAfter(lo)
	for lo != hi {
		if i == len(f.out) || tcp.SeqLess(lo, f.out[i].seq) {
			// [lo, next range or hi) is new
			end := hi
			if i < len(f.out) && tcp.SeqLess(f.out[i].seq, hi) {
				end = f.out[i].seq
			}
			unique += payloadIn(seg, lo, end)
			f.insert(i, sentRange{seq: lo, end: end, sent: seg.Time, tsval: seg.Options.TSVal,
				hasTS: hasTS(seg), tsFresh: true, sends: 1})
			i++
			lo = end
			continue
		}
		r := &f.out[i]
		if tcp.SeqLess(lo, r.end) {
			r.resend(seg)
			lo = min32(hi, r.end)
		}
		i++
	}
	return unique
}

// firstEndingAfter is the index in f.out of the first outstanding range
// that ends after n (len(f.out) when none does), by binary search: a new
// segment goes after all of them, a resent one anywhere.
func (f *rttFlow) firstEndingAfter(n uint32) int {
	lo, hi := f.head, len(f.out)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if tcp.SeqLess(n, f.out[mid].end) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// min32 is the lower of two sequence numbers.
func min32(a, b uint32) uint32 {
	if tcp.SeqLess(a, b) {
		return a
	}
	return b
}

// payloadIn counts the payload bytes of seg within [lo, hi): its SYN takes
// the first sequence number, its FIN the last.
func payloadIn(seg *tcp.Segment, lo, hi uint32) uint32 {
	n := hi - lo
	if seg.Flags&tcp.SYN != 0 && lo == seg.Seq {
		n--
	}
	if seg.Flags&tcp.FIN != 0 && hi == seg.End() && n > 0 {
		n--
	}
	return n
}

// hasTS reports whether seg carried a timestamps option.
func hasTS(seg *tcp.Segment) bool {
	return seg.Has(tcp.KnownOptions) && seg.Options.Has&tcp.OptTimestamp != 0
}

// resend records another transmission of the range by seg.
func (r *sentRange) resend(seg *tcp.Segment) {
	if r.sends < ^uint16(0) {
		r.sends++
	}
	ts := hasTS(seg)
	r.tsFresh = ts && (!r.hasTS || seg.Options.TSVal != r.tsval)
	r.sent, r.tsval, r.hasTS = seg.Time, seg.Options.TSVal, ts
}

// insert puts r at index i of f.out, merging the oldest ranges when the
// direction keeps maxOutstanding already.
func (f *rttFlow) insert(i int, r sentRange) {
	if len(f.out)-f.head >= maxOutstanding {
		if merged := f.mergeOldest(); merged >= 0 && i > merged {
			i--
		}
		if i < f.head {
			return // below the range just forgotten: forgotten too
		}
	}
	if f.head > 0 && f.head >= len(f.out)/2 {
		n := copy(f.out, f.out[f.head:])
		f.out = f.out[:n]
		i -= f.head
		f.head = 0
	}
	f.out = append(f.out, sentRange{})
	copy(f.out[i+1:], f.out[i:])
	f.out[i] = r
}

// mergeOldest makes room for one range: it merges the first two
// contiguous outstanding ranges into one that gives no sample and returns
// the index the second had, or, when none are contiguous, forgets the
// oldest and returns -1.
func (f *rttFlow) mergeOldest() int {
	for j := f.head; j+1 < len(f.out); j++ {
		a, b := &f.out[j], &f.out[j+1]
		if a.end != b.seq {
			continue
		}
		a.end, a.noSample = b.end, true
		if b.sent.After(a.sent) {
			a.sent = b.sent
		}
		copy(f.out[j+1:], f.out[j+2:])
		f.out = f.out[:len(f.out)-1]
		return j + 1
	}
	f.forget(&f.out[f.head])
	f.head++
	return -1
}

// forget drops an outstanding range as if acknowledged.
func (f *rttFlow) forget(r *sentRange) {
	f.floor = r.end
	if r.sent.After(f.ackedSent) {
		f.ackedSent = r.sent
	}
}

// acked folds in the peer's ACK of ack and returns the sample it gives.
func (f *rttFlow) acked(seg *tcp.Segment) (RTTSample, bool) {
	ack := seg.Ack
	live := f.live()
	if len(live) == 0 || !tcp.SeqLess(f.floor, ack) {
		return RTTSample{}, false // nothing new acknowledged
	}
	// An ACK above all that was seen sent acknowledges what the capture
	// missed: the floor stops at what was seen, so that a resend of the
	// missed bytes still counts as unique, as tcptrace counts it.
	top := live[len(live)-1].end
	last := f.ackedSent
	var karn, echo *sentRange
	n := 0
	for j := range live {
		r := &live[j]
		if !tcp.SeqLess(r.seq, ack) {
			break
		}
		if r.sent.After(last) {
			last = r.sent
		}
		if tcp.SeqLess(ack, r.end) {
			r.noSample = true // acknowledged in part
			break
		}
		n++
		if r.noSample {
			continue
		}
		if r.end == ack && r.sends == 1 && !last.After(r.sent) {
			karn = r
		}
		if echoes(seg, r) && (echo == nil || r.sent.Before(echo.sent)) {
			echo = r
		}
	}
	sample, ok := RTTSample{At: seg.Time, Pos: seg.Pos}, false
	switch {
	case karn != nil:
		sample.RTT, sample.Source, ok = tcp.Elapsed(karn.sent, seg.Time), ByAck, true
	case echo != nil && echo.sends > 1:
		sample.RTT, sample.Source, ok = tcp.Elapsed(echo.sent, seg.Time), ByEcho, true
	}
	for j := range n {
		f.forget(&live[j])
	}
	f.head += n
	f.floor = tcp.SeqMax(f.floor, min32(ack, top))
	return sample, ok
}

// echoes reports whether the ACK seg echoes the TSval of the latest
// transmission of r, and only of it.
func echoes(seg *tcp.Segment, r *sentRange) bool {
	return hasTS(seg) && r.hasTS && r.tsFresh && seg.Options.TSEcr == r.tsval
}
