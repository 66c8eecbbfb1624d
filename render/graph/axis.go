package graph

import (
	"math"
	"strconv"
	"strings"
)

// scale maps a value range onto a pixel range, with its ticks.
type scale struct {
	lo, hi   float64 // the values at the ends
	from, to float64 // the pixels at the ends
	step     float64 // between ticks
	format   func(v, step float64) string
}

// at is the pixel of value v.
func (s *scale) at(v float64) float64 {
	if s.hi == s.lo {
		return s.from
	}
	return s.from + (v-s.lo)/(s.hi-s.lo)*(s.to-s.from)
}

// ticks are the values of the ticks, lo to hi.
func (s *scale) ticks() []float64 {
	var out []float64
	for i := 0; ; i++ {
		v := s.lo + float64(i)*s.step
		if v > s.hi+s.step*1e-9 {
			return out
		}
		out = append(out, v)
	}
}

// niceScale is a scale from 0 (or lo) to at least hi, on a tick step of
// 1, 2 or 5 times a power of ten, with as many ticks as fit: labels at
// least gap pixels apart, measured by width (0 for a vertical axis, where
// labels are one line high).
func niceScale(lo, hi, from, to float64, format func(v, step float64) string, gap float64, horizontal bool) scale {
	if hi <= lo {
		hi = lo + 1
	}
	length := math.Abs(to - from)
	for _, steps := range []int{10, 8, 6, 5, 4, 3, 2, 1} {
		step := niceStep((hi - lo) / float64(steps))
		s := scale{lo: math.Floor(lo/step) * step, from: from, to: to, step: step, format: format}
		s.hi = math.Ceil(hi/step-1e-9) * step
		if s.hi <= s.lo {
			s.hi = s.lo + step
		}
		n := (s.hi - s.lo) / step
		room := length / n
		need := gap
		if horizontal {
			widest := 0.0
			for _, v := range s.ticks() {
				widest = max(widest, textWidth(format(v, step), fontSize))
			}
			need += widest
		} else {
			need += fontSize
		}
		if room >= need || steps == 1 {
			return s
		}
	}
	panic("unreachable")
}

// niceStep rounds x up to 1, 2 or 5 times a power of ten.
func niceStep(x float64) float64 {
	if x <= 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// decimals is how many decimals label a tick step.
func decimals(step float64) int {
	d := 0
	for step < 1-1e-9 && d < 9 {
		step *= 10
		d++
	}
	return d
}

// plain formats v with as many decimals as step needs.
func plain(v, step float64) string { return strconv.FormatFloat(v, 'f', decimals(step), 64) }

// bytesUnit formats a byte count with k, M or G (powers of 1000) chosen by
// the step, so that every tick of an axis has the same unit.
func bytesUnit(v, step float64) string {
	if v == 0 {
		return "0"
	}
	for _, u := range []struct {
		div    float64
		suffix string
	}{{1e9, "G"}, {1e6, "M"}, {1e3, "k"}} {
		if step >= u.div/10 && math.Abs(v) >= u.div || step >= u.div {
			return trimZeros(strconv.FormatFloat(v/u.div, 'f', decimals(step/u.div), 64)) + u.suffix
		}
	}
	return plain(v, step)
}

// trimZeros drops trailing zeros after a decimal point.
func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
