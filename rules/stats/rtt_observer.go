package stats

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// RTTObserver is a rules.Observer that samples the RTT of every connection
// with an RTTSampler of its own and hands each sample to Sample, as the
// ACK that gives it passes. The samplers of ended connections are reused.
type RTTObserver struct {
	// Sample receives every sample with its connection.
	Sample func(c *rules.Conn, s RTTSample)

	samplers map[*rules.Conn]*RTTSampler
	free     []*RTTSampler
}

// Segment feeds seg to the sampler of c.
func (o *RTTObserver) Segment(c *rules.Conn, d rules.Dir, seg *tcp.Segment, _ bool) {
	sm := o.samplers[c]
	if sm == nil {
		sm = o.sampler()
		if o.samplers == nil {
			o.samplers = make(map[*rules.Conn]*RTTSampler)
		}
		o.samplers[c] = sm
	}
	if s, ok, _ := sm.Segment(d, seg); ok && o.Sample != nil {
		o.Sample(c, s)
	}
}

// End lets the sampler of c go, to serve another connection.
func (o *RTTObserver) End(c *rules.Conn, _ rules.EndReason) {
	if sm := o.samplers[c]; sm != nil {
		delete(o.samplers, c)
		sm.Reset()
		o.free = append(o.free, sm)
	}
}

// sampler is a free sampler, or a new one.
func (o *RTTObserver) sampler() *RTTSampler {
	if n := len(o.free); n > 0 {
		sm := o.free[n-1]
		o.free = o.free[:n-1]
		return sm
	}
	return &RTTSampler{}
}
