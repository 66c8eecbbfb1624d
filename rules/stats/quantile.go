package stats

import (
	"math"
	"slices"
	"time"
)

// exactLimit is how many samples a Quantiles keeps as they are: up to it,
// every quantile is exact. Most connections never pass it.
const exactLimit = 64

// Past exactLimit samples, a Quantiles counts samples in logarithmic
// buckets (DDSketch's scheme): bucket i holds the durations x, in
// nanoseconds, with gamma^(i-1) < x <= gamma^i, and answers with
// 2·gamma^i/(gamma+1), which is within (gamma-1)/(gamma+1) = 0.99 % of
// every x in the bucket. maxBuckets of them span a factor of
// gamma^maxBuckets ≈ 25,000 (10 µs to 250 ms, say) in 2 KiB; a sample
// outside the span moves it to the larger values and counts the smaller
// ones in its lowest bucket, so that the median and p95 stay within 1 %
// unless more than half (5 %) of the samples lie 25,000 times below the
// largest.
const (
	gamma      = 1.02
	maxBuckets = 512
)

// logGamma is ln(gamma), for the bucket index of a duration.
var logGamma = math.Log(gamma)

// Quantiles summarises a stream of durations (RTT samples) in bounded
// memory: count, exact minimum, maximum and mean, and quantiles exact up
// to 64 samples, within 1 % beyond (see gamma). The zero value is empty
// and ready to use.
type Quantiles struct {
	n        int64
	min, max time.Duration
	sum      float64 // nanoseconds, for Mean
	exact    []time.Duration
	hist     *logHistogram
}

// logHistogram is the bucket counts of a Quantiles past exactLimit.
type logHistogram struct {
	zero   int64 // samples of 0 ns (or less: clocks stepped back)
	offset int   // the index of counts[0]
	counts []uint32
}

// Add counts one duration.
func (q *Quantiles) Add(d time.Duration) {
	if q.n == 0 || d < q.min {
		q.min = d
	}
	if q.n == 0 || d > q.max {
		q.max = d
	}
	q.n++
	q.sum += float64(d)
	if q.hist == nil {
		if len(q.exact) < exactLimit {
			q.exact = append(q.exact, d)
			return
		}
		q.hist = &logHistogram{}
		for _, x := range q.exact {
			q.hist.add(x)
		}
		q.exact = nil
	}
	q.hist.add(d)
}

// Count is the number of durations added.
func (q *Quantiles) Count() int64 { return q.n }

// Min is the smallest duration added (0 when none was).
func (q *Quantiles) Min() time.Duration { return q.min }

// Max is the largest duration added (0 when none was).
func (q *Quantiles) Max() time.Duration { return q.max }

// Mean is the average of the durations added (0 when none was).
func (q *Quantiles) Mean() time.Duration {
	if q.n == 0 {
		return 0
	}
	return time.Duration(q.sum / float64(q.n))
}

// Quantile is the p-quantile (0 < p <= 1) by the nearest-rank method: the
// sample of rank ceil(p·n) in ascending order, exact up to 64 samples and
// within 1 % beyond; 0 when nothing was added.
func (q *Quantiles) Quantile(p float64) time.Duration {
	if q.n == 0 {
		return 0
	}
	rank := max(int64(math.Ceil(p*float64(q.n))), 1)
	rank = min(rank, q.n)
	if q.hist == nil {
		slices.Sort(q.exact)
		return q.exact[rank-1]
	}
	return min(max(q.hist.rank(rank), q.min), q.max)
}

// bucket is the index of the bucket that counts x > 0 nanoseconds.
func bucket(x time.Duration) int {
	return int(math.Ceil(math.Log(float64(x)) / logGamma))
}

func (h *logHistogram) add(x time.Duration) {
	if x <= 0 {
		h.zero++
		return
	}
	i := bucket(x)
	if len(h.counts) == 0 {
		h.offset = i
		h.counts = append(h.counts, 1)
		return
	}
	switch {
	case i < h.offset && h.offset+len(h.counts)-i <= maxBuckets:
		// below the span, and room to extend it down
		grow := h.offset - i
		h.counts = append(make([]uint32, grow, grow+len(h.counts)), h.counts...)
		h.offset = i
	case i < h.offset:
		i = h.offset // collapse into the lowest bucket
	case i >= h.offset+maxBuckets:
		// above the span: move it up, folding the lowest buckets
		shift := i - (h.offset + maxBuckets - 1)
		var folded uint32
		for j := 0; j < shift && j < len(h.counts); j++ {
			folded += h.counts[j]
		}
		if shift < len(h.counts) {
			h.counts = h.counts[shift:]
		} else {
			h.counts = h.counts[:0]
		}
		h.offset += shift
		if len(h.counts) == 0 {
			h.counts = append(h.counts, 0)
		}
		h.counts[0] += folded
	}
	for i-h.offset >= len(h.counts) {
		h.counts = append(h.counts, 0)
	}
	h.counts[i-h.offset]++
}

// rank is the value of the sample of the 1-based rank r.
func (h *logHistogram) rank(r int64) time.Duration {
	if r <= h.zero {
		return 0
	}
	r -= h.zero
	for j, c := range h.counts {
		if r <= int64(c) {
			v := 2 * math.Pow(gamma, float64(h.offset+j)) / (gamma + 1)
			return time.Duration(math.Round(v))
		}
		r -= int64(c)
	}
	return time.Duration(math.Round(math.Pow(gamma, float64(h.offset+len(h.counts)-1))))
}
