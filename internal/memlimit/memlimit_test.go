package memlimit

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

func TestApply(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	defer func() { allowed = false }()
	tests := []struct {
		name      string
		allow     bool
		env       string // GOMEMLIMIT, or "-" for unset
		wantLimit int64
	}{
		{"not allowed: the test binary's own", false, "-", math.MaxInt64},
		{"allowed", true, "-", Default},
		{"GOMEMLIMIT chooses", true, "1GiB", math.MaxInt64},
	}
	for _, tt := range tests {
		debug.SetMemoryLimit(math.MaxInt64)
		allowed = tt.allow
		if tt.env == "-" {
			if v, ok := os.LookupEnv("GOMEMLIMIT"); ok {
				os.Unsetenv("GOMEMLIMIT")
				defer os.Setenv("GOMEMLIMIT", v)
			}
		} else {
			t.Setenv("GOMEMLIMIT", tt.env)
		}
		Apply()
		if got := debug.SetMemoryLimit(-1); got != tt.wantLimit {
			t.Errorf("%s: limit %d, want %d", tt.name, got, tt.wantLimit)
		}
		if tt.env != "-" {
			os.Unsetenv("GOMEMLIMIT")
		}
	}
}
