package graph

import (
	"math"
	"time"
)

// histSteps is how many buckets a histogram has per doubling of time: a
// bucket is 1/16 of an octave wide, so a quantile read from it is within
// about 4.4 % of the true one.
const histSteps = 16

// histBuckets covers 1 ns to 2^40 ns (18 minutes).
const histBuckets = 41 * histSteps

// Histogram counts round-trip samples in logarithmic buckets, so that the
// median and 95th percentile of any number of samples take fixed memory.
type Histogram struct {
	counts [histBuckets]uint32
	n      int64
}

// Add counts one sample.
func (h *Histogram) Add(d time.Duration) {
	i := 0
	if d > 1 {
		i = min(int(math.Log2(float64(d))*histSteps), histBuckets-1)
	}
	if h.counts[i] < math.MaxUint32 {
		h.counts[i]++
	}
	h.n++
}

// N is how many samples were counted.
func (h *Histogram) N() int64 { return h.n }

// Quantile is the sample at fraction q (0.5: the median), as the
// geometric middle of its bucket; 0 when there are no samples.
func (h *Histogram) Quantile(q float64) time.Duration {
	if h.n == 0 {
		return 0
	}
	want := int64(math.Ceil(q * float64(h.n)))
	var seen int64
	for i, c := range h.counts {
		seen += int64(c)
		if seen >= max(want, 1) {
			return time.Duration(math.Exp2((float64(i) + 0.5) / histSteps))
		}
	}
	return 0
}
