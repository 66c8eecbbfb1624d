package diagram

import (
	"fmt"
	"strconv"
	"time"
)

// Count renders n things with thousands separators and a plural:
// "1 segment", "1,284 segments".
func Count(n int, thing string) string {
	s := Thousands(int64(n)) + " " + thing
	if n != 1 {
		s += "s"
	}
	return s
}

// Thousands renders n with commas between groups of three digits.
func Thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := ""
	if n < 0 {
		neg, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return neg + s
}

// Bytes renders a byte count in decimal units: "940 B", "1.8 MB".
func Bytes(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	f := float64(n)
	for _, u := range []string{"kB", "MB", "GB", "TB"} {
		f /= unit
		if f < unit || u == "TB" {
			return fmt.Sprintf("%.1f %s", f, u)
		}
	}
	return ""
}

// Duration renders a time span with three significant digits at most:
// "16.3 s", "340 ms", "12 µs".
func Duration(d time.Duration) string {
	switch {
	case d >= time.Minute:
		return fmt.Sprintf("%.1f min", d.Minutes())
	case d >= time.Second:
		return trimZero(fmt.Sprintf("%.2f", d.Seconds())) + " s"
	case d >= time.Millisecond:
		return trimZero(fmt.Sprintf("%.2f", float64(d)/float64(time.Millisecond))) + " ms"
	case d >= time.Microsecond:
		return strconv.FormatInt(d.Microseconds(), 10) + " µs"
	}
	return strconv.FormatInt(d.Nanoseconds(), 10) + " ns"
}

func trimZero(s string) string {
	for len(s) > 0 && s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if len(s) > 0 && s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}

// FoldText is what a folded row says, with ellipsis the caller chooses
// ("⋯" in text formats; drawn formats use what their font has).
func (r *Row) FoldText(ellipsis string) string {
	return fmt.Sprintf("%s %s, %s in %s %s", ellipsis, Count(r.Folded, "segment"),
		Bytes(r.FoldedBytes), Duration(r.Duration), ellipsis)
}

// GapText is what an idle gap says: "16.31 s idle".
func (r *Row) GapText() string { return Duration(r.Duration) + " idle" }

// TimeText renders the row's time in the time column: milliseconds since
// the first segment ("16310.720"), or the time of day when abs.
func (d *Diagram) TimeText(r *Row, abs bool) string {
	if r.Time.IsZero() {
		return ""
	}
	if abs {
		return r.Time.UTC().Format("15:04:05.000000")
	}
	return strconv.FormatFloat(float64(r.Time.Sub(d.Start))/float64(time.Millisecond), 'f', 3, 64)
}
