package cli

import (
	"testing"
	"time"
)

// TestOrNever: 0 becomes -1, any other value stays.
func TestOrNever(t *testing.T) {
	for _, tt := range []struct{ in, want int }{{0, -1}, {1, 1}, {-1, -1}, {40, 40}} {
		if got := OrNever(tt.in); got != tt.want {
			t.Errorf("OrNever(%d) = %d, want %d", tt.in, got, tt.want)
		}
	}
	if got := OrNever(time.Duration(0)); got != -1 {
		t.Errorf("OrNever of a zero duration = %v, want -1", got)
	}
}
