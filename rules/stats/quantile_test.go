package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestQuantilesExact: up to exactLimit samples, every quantile is the
// nearest-rank sample itself.
func TestQuantilesExact(t *testing.T) {
	var q Quantiles
	for _, ms := range []int{7, 3, 9, 1, 5, 2, 8, 4, 10, 6} {
		q.Add(time.Duration(ms) * time.Millisecond)
	}
	for _, tc := range []struct {
		p    float64
		want time.Duration
	}{{0.5, 5 * time.Millisecond}, {0.95, 10 * time.Millisecond}, {0.1, time.Millisecond}, {0.11, 2 * time.Millisecond}, {1, 10 * time.Millisecond}} {
		if got := q.Quantile(tc.p); got != tc.want {
			t.Errorf("Quantile(%v) = %v, want %v", tc.p, got, tc.want)
		}
	}
	if q.Count() != 10 || q.Min() != time.Millisecond || q.Max() != 10*time.Millisecond || q.Mean() != 5500*time.Microsecond {
		t.Errorf("count %d min %v max %v mean %v", q.Count(), q.Min(), q.Max(), q.Mean())
	}
	var empty Quantiles
	if empty.Quantile(0.5) != 0 || empty.Mean() != 0 {
		t.Error("an empty Quantiles is not all zero")
	}
}

// TestQuantilesBounded: past exactLimit, the median and p95 stay within
// 1 % of the exact ones, in bounded memory, over distributions narrow and
// wide, with zeros among them, and over a span wider than maxBuckets.
func TestQuantilesBounded(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name string
		draw func() time.Duration
	}{
		{"uniform 1-10 ms", func() time.Duration { return time.Millisecond + time.Duration(rng.Int64N(int64(9*time.Millisecond))) }},
		{"lognormal", func() time.Duration {
			return time.Duration(math.Exp(rng.NormFloat64()*1.5) * float64(time.Millisecond))
		}},
		{"some zeros", func() time.Duration {
			if rng.IntN(10) == 0 {
				return 0
			}
			return time.Duration(50+rng.IntN(200)) * time.Microsecond
		}},
		{"wide: 1 µs and 10 s", func() time.Duration {
			if rng.IntN(100) == 0 {
				return time.Microsecond
			}
			return time.Second + time.Duration(rng.Int64N(int64(9*time.Second)))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var q Quantiles
			all := make([]time.Duration, 20000)
			for i := range all {
				all[i] = tc.draw()
				q.Add(all[i])
			}
			slices.Sort(all)
			if q.Min() != all[0] || q.Max() != all[len(all)-1] {
				t.Errorf("min %v max %v, want %v %v", q.Min(), q.Max(), all[0], all[len(all)-1])
			}
			if len(q.hist.counts) > maxBuckets {
				t.Errorf("%d buckets, more than %d", len(q.hist.counts), maxBuckets)
			}
			for _, p := range []float64{0.5, 0.95} {
				want := all[int(math.Ceil(p*float64(len(all))))-1]
				got := q.Quantile(p)
				if math.Abs(float64(got-want)) > 0.01*float64(want) {
					t.Errorf("Quantile(%v) = %v, want %v within 1%%", p, got, want)
				}
			}
		})
	}
}
