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

	samplers perConn[RTTSampler]
}

// Segment feeds seg to the sampler of c.
func (o *RTTObserver) Segment(c *rules.Conn, d rules.Dir, seg *tcp.Segment, _ bool) {
	if s, ok, _ := o.samplers.of(c).Segment(d, seg); ok && o.Sample != nil {
		o.Sample(c, s)
	}
}

// End lets the sampler of c go, to serve another connection.
func (o *RTTObserver) End(c *rules.Conn, _ rules.EndReason) {
	o.samplers.release(c, (*RTTSampler).Reset)
}
