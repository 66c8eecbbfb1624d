package tcp

import (
	"testing"
	"time"
)

func TestElapsedIsSub(t *testing.T) {
	base := time.Unix(1_700_000_000, 123_456_789).UTC()
	tests := []struct {
		name     string
		from, to time.Time
	}{
		{"forward", base, base.Add(1500 * time.Microsecond)},
		{"backward", base.Add(3 * time.Second), base},
		{"same", base, base},
		{"across a second", time.Unix(10, 999_999_999), time.Unix(11, 1)},
		{"local and UTC", base.Local(), base.Add(time.Hour)},
		{"zero from", time.Time{}, base},
		{"zero to", base, time.Time{}},
		{"both zero", time.Time{}, time.Time{}},
		{"nanosecond capture", time.Unix(0, 1), time.Unix(0, 2)},
	}
	for _, tt := range tests {
		if got, want := Elapsed(tt.from, tt.to), tt.to.Sub(tt.from); got != want {
			t.Errorf("%s: Elapsed = %v, Sub = %v", tt.name, got, want)
		}
	}
}
