package stats

import (
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// step is one segment of a sampler test: ms after the start, its
// direction, flags, seq range (relative to 1000 for the client, 5000 for
// the server), ack, window and TS option (val, ecr; 0 0 for none).
type step struct {
	ms           float64
	d            rules.Dir
	flags        tcp.Flags
	seq, end     uint32
	ack          uint32
	win          uint16
	tsval, tsecr uint32
}

var t0 = time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)

// segmentOf makes the segment of a step.
func segmentOf(i int, s step) *tcp.Segment {
	seg := &tcp.Segment{Time: t0.Add(time.Duration(s.ms * float64(time.Millisecond))), Flags: s.flags, Window: s.win,
		Known: tcp.KnownAll, Pos: tcp.Pos{Packet: i + 1}}
	base, peer := uint32(1000), uint32(5000)
	if s.d == rules.FromServer {
		base, peer = peer, base
	}
	seg.Seq = base + s.seq
	seg.Ack = peer + s.ack
	seg.PayloadLen = s.end - s.seq
	if s.flags&tcp.SYN != 0 {
		seg.PayloadLen--
	}
	if s.flags&tcp.FIN != 0 {
		seg.PayloadLen--
	}
	if s.tsval != 0 {
		seg.Options.Has |= tcp.OptTimestamp
		seg.Options.TSVal, seg.Options.TSEcr = s.tsval, s.tsecr
	}
	return seg
}

const (
	syn    = tcp.SYN
	synack = tcp.SYN | tcp.ACK
	ack    = tcp.ACK
	psh    = tcp.PSH | tcp.ACK
	c      = rules.FromClient
	s      = rules.FromServer
)

// TestRTTSampler: which ACKs give samples, from what, and how many bytes
// of each segment are new.
func TestRTTSampler(t *testing.T) {
	type want struct {
		packet int // the ACK's packet number
		dir    rules.Dir
		rtt    time.Duration
		source RTTSource
	}
	for _, tc := range []struct {
		name    string
		steps   []step
		samples []want
		unique  [2]uint32
	}{
		{
			name: "handshake, data, one ACK each",
			steps: []step{
				{0, c, syn, 0, 1, 0, 100, 0, 0},
				{2, s, synack, 0, 1, 1, 100, 0, 0},
				{3, c, ack, 1, 1, 1, 100, 0, 0},
				{4, c, psh, 1, 101, 1, 100, 0, 0},
				{14, s, ack, 1, 1, 101, 100, 0, 0},
			},
			samples: []want{{2, c, 2 * time.Millisecond, ByAck}, {3, s, time.Millisecond, ByAck}, {5, c, 10 * time.Millisecond, ByAck}},
			unique:  [2]uint32{100, 0},
		},
		{
			name: "a cumulative ACK times the segment it ends at",
			steps: []step{
				{0, c, psh, 1, 101, 1, 100, 0, 0},
				{1, c, psh, 101, 201, 1, 100, 0, 0},
				{11, s, ack, 1, 1, 201, 100, 0, 0},
			},
			samples: []want{{3, c, 10 * time.Millisecond, ByAck}},
			unique:  [2]uint32{200, 0},
		},
		{
			name: "Karn: a resent segment gives no sample; an ACK inside a segment gives none, nor does its end later",
			steps: []step{
				{0, c, psh, 1, 101, 1, 100, 0, 0},
				{200, c, psh, 1, 101, 1, 100, 0, 0},
				{210, s, ack, 1, 1, 101, 100, 0, 0},
				{211, c, psh, 101, 201, 1, 100, 0, 0},
				{221, s, ack, 1, 1, 151, 100, 0, 0},
				{231, s, ack, 1, 1, 201, 100, 0, 0},
			},
			unique: [2]uint32{200, 0},
		},
		{
			name: "the TS echo of a resent segment's new TSval times the resend",
			steps: []step{
				{0, c, psh, 1, 101, 1, 100, 10, 1},
				{200, c, psh, 1, 101, 1, 100, 210, 1},
				{210, s, ack, 1, 1, 101, 100, 2, 210},
			},
			samples: []want{{3, c, 10 * time.Millisecond, ByEcho}},
			unique:  [2]uint32{100, 0},
		},
		{
			name: "a resend with the TSval of the original is ambiguous",
			steps: []step{
				{0, c, psh, 1, 101, 1, 100, 10, 1},
				{0.5, c, psh, 1, 101, 1, 100, 10, 1},
				{1, s, ack, 1, 1, 101, 100, 2, 10},
			},
			unique: [2]uint32{100, 0},
		},
		{
			name: "a segment below resent after it: no sample from its ACK (tcptrace's intervening transmission)",
			steps: []step{
				{0, c, psh, 1, 101, 1, 100, 0, 0},
				{1, c, psh, 101, 201, 1, 100, 0, 0},
				{200, c, psh, 1, 101, 1, 100, 0, 0},
				{210, s, ack, 1, 1, 201, 100, 0, 0},
				{211, c, psh, 201, 301, 1, 100, 0, 0},
				{221, s, ack, 1, 1, 301, 100, 0, 0},
			},
			samples: []want{{6, c, 10 * time.Millisecond, ByAck}},
			unique:  [2]uint32{300, 0},
		},
		{
			name: "a hole the capture missed, filled later: the fill is new bytes, and its ACK a sample",
			steps: []step{
				{0, c, psh, 1, 101, 1, 100, 0, 0},
				{1, c, psh, 201, 301, 1, 100, 0, 0},
				{5, c, psh, 101, 201, 1, 100, 0, 0},
				{15, s, ack, 1, 1, 201, 100, 0, 0},
			},
			samples: []want{{4, c, 10 * time.Millisecond, ByAck}},
			unique:  [2]uint32{300, 0},
		},
		{
			name: "a segment half resent, half new",
			steps: []step{
				{0, c, psh, 1, 101, 1, 100, 0, 0},
				{1, c, psh, 51, 201, 1, 100, 0, 0},
				{11, s, ack, 1, 1, 201, 100, 0, 0},
			},
			samples: []want{{3, c, 10 * time.Millisecond, ByAck}},
			unique:  [2]uint32{200, 0},
		},
		{
			name: "a zero-window probe is not data",
			steps: []step{
				{0, c, psh, 1, 101, 1, 100, 0, 0},
				{10, s, ack, 1, 1, 101, 0, 0, 0},
				{20, c, psh, 101, 102, 1, 100, 0, 0},
				{30, s, ack, 1, 1, 101, 0, 0, 0},
			},
			samples: []want{{2, c, 10 * time.Millisecond, ByAck}},
			unique:  [2]uint32{100, 0},
		},
		{
			name: "an ACK stamped before the segment (the capture's clock stepped back) gives no sample",
			steps: []step{
				{10, c, psh, 1, 101, 1, 100, 0, 0},
				{5, s, ack, 1, 1, 101, 100, 0, 0},
			},
			unique: [2]uint32{100, 0},
		},
		{
			name: "the FIN is timed, not counted as a byte",
			steps: []step{
				{0, c, psh | tcp.FIN, 1, 102, 1, 100, 0, 0},
				{3, s, ack, 1, 1, 102, 100, 0, 0},
			},
			samples: []want{{2, c, 3 * time.Millisecond, ByAck}},
			unique:  [2]uint32{100, 0},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var sm RTTSampler
			var got []want
			var unique [2]uint32
			for i, st := range tc.steps {
				sample, ok, u := sm.Segment(st.d, segmentOf(i, st))
				unique[st.d] += u
				if ok {
					got = append(got, want{sample.Pos.Packet, sample.Dir, sample.RTT, sample.Source})
				}
			}
			if len(got) != len(tc.samples) {
				t.Fatalf("samples %v, want %v", got, tc.samples)
			}
			for i := range got {
				if got[i] != tc.samples[i] {
					t.Errorf("sample %d: %v, want %v", i, got[i], tc.samples[i])
				}
			}
			if unique != tc.unique {
				t.Errorf("unique bytes %v, want %v", unique, tc.unique)
			}
		})
	}
}

// TestRTTSamplerBounded: a sender that is never acknowledged keeps at most
// maxOutstanding ranges, still counts its bytes, and is timed again once
// the ACKs come.
func TestRTTSamplerBounded(t *testing.T) {
	var sm RTTSampler
	n := 3 * maxOutstanding
	i := 0
	for k := range n {
		st := step{float64(k) * 0.01, c, psh, uint32(1 + 100*k), uint32(101 + 100*k), 1, 100, 0, 0}
		if k%2 == 1 && k > n/2 {
			st.seq, st.end = st.seq-100, st.end-100 // resend the one before
		}
		sm.Segment(c, segmentOf(i, st))
		i++
	}
	if out := len(sm.flows[c].live()); out > maxOutstanding {
		t.Fatalf("%d ranges outstanding, more than %d", out, maxOutstanding)
	}
	last := uint32(1 + 100*n)
	sample, ok, _ := sm.Segment(s, segmentOf(i, step{float64(n), s, ack, 1, 1, last, 100, 0, 0}))
	if ok {
		t.Errorf("a sample %v from an ACK of merged and resent ranges", sample)
	}
	if out := len(sm.flows[c].live()); out != 0 {
		t.Errorf("%d ranges outstanding after the ACK of all", out)
	}
	_, _, u := sm.Segment(c, segmentOf(i+1, step{float64(n) + 1, c, psh, last, last + 100, 1, 100, 0, 0}))
	sample, ok, _ = sm.Segment(s, segmentOf(i+2, step{float64(n) + 3, s, ack, 1, 1, last + 100, 100, 0, 0}))
	if u != 100 || !ok || sample.RTT != 2*time.Millisecond {
		t.Errorf("after the flood: unique %d, sample %v %v", u, sample, ok)
	}
	sm.Reset()
	if len(sm.flows[c].live()) != 0 || sm.flows[c].hasFloor {
		t.Error("Reset left state behind")
	}
}

// TestRTTObserver: the observer samples each connection apart, through a
// tracker, and lets the sampler go when the connection ends.
func TestRTTObserver(t *testing.T) {
	var got []time.Duration
	o := &RTTObserver{Sample: func(_ *rules.Conn, s RTTSample) { got = append(got, s.RTT) }}
	tr := rules.NewTracker(o)
	for i, st := range []step{
		{0, c, syn, 0, 1, 0, 100, 0, 0},
		{2, s, synack, 0, 1, 1, 100, 0, 0},
		{3, c, ack, 1, 1, 1, 100, 0, 0},
	} {
		seg := segmentOf(i, st)
		seg.Src, seg.Dst = tcp.Endpoint{Port: 40000}, tcp.Endpoint{Port: 80}
		if st.d == s {
			seg.Src, seg.Dst = seg.Dst, seg.Src
		}
		tr.Add(seg)
	}
	tr.Flush()
	if len(got) != 2 || got[0] != 2*time.Millisecond || got[1] != time.Millisecond {
		t.Errorf("samples %v, want [2ms 1ms]", got)
	}
	if len(o.samplers.live) != 0 || len(o.samplers.free) != 1 {
		t.Errorf("%d samplers live, %d free after the end", len(o.samplers.live), len(o.samplers.free))
	}
}
