package batch

import (
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	start := time.Date(2026, 12, 5, 8, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		packets []int64
		after   time.Duration
		want    string
		ok      bool
	}{
		{"no time passed", []int64{10}, 0, "", false},
		{"one input", []int64{1000}, 2 * time.Second, "500 packets/s", true},
		{"three inputs", []int64{100, 0, 200}, time.Second, "300 packets/s", true},
		{"rounded", []int64{2}, 3 * time.Second, "1 packets/s", true},
	} {
		p := &Progress{start: start, now: func() time.Time { return start.Add(tc.after) }}
		var rate string
		var ok bool
		for _, n := range tc.packets {
			rate, ok = p.Done(n)
		}
		if rate != tc.want || ok != tc.ok || p.Files != len(tc.packets) {
			t.Errorf("%s: %q %v after %d files, want %q %v after %d", tc.name, rate, ok, p.Files, tc.want, tc.ok, len(tc.packets))
		}
	}
}
